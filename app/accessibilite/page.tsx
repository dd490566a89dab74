import type { Metadata } from 'next';
import { TermsDocumentView } from '@/components/legal/terms-document';

import { accessibilityStatement } from '@/lib/legal/accessibility-statement';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = {
  title: 'Accessibilité',
  description: 'L’état d’accessibilité du site, ses limites connues, et comment signaler un défaut.',
  alternates: { canonical: '/accessibilite' },
};

// The accessibility statement (directive (UE) 2019/882, décret n° 2023-931): the state told honestly, the known gaps, whom to tell.
async function AccessibilityStatementPage() {
  const shop = await getShopSettings();
  return (
    <>
      <h1>Accessibilité</h1>
      <TermsDocumentView terms={accessibilityStatement(shop)} />
    </>
  );
}

export default whenDatabaseAnswers(AccessibilityStatementPage);
