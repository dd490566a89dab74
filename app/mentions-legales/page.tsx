import type { Metadata } from 'next';
import { TermsDocumentView } from '@/components/legal/terms-document';
import { getEnv } from '@/lib/env';
import { legalNotice } from '@/lib/legal/legal-notice';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = {
  title: 'Mentions légales',
  description: 'Qui publie le site de la librairie, qui l’héberge, comment la joindre.',
  alternates: { canonical: '/mentions-legales' },
};

// Who publishes and who hosts the site (loi n° 2004-575, art. 1-1; C. com. R123-237), from the shop's settings.
async function LegalNoticePage() {
  const shop = await getShopSettings();
  return (
    <>
      <h1>Mentions légales</h1>
      <TermsDocumentView terms={legalNotice(shop, getEnv().SITE_URL)} />
    </>
  );
}

export default whenDatabaseAnswers(LegalNoticePage);
