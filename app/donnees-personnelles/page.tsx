import type { Metadata } from 'next';
import { TermsDocumentView } from '@/components/legal/terms-document';

import { privacyNotice } from '@/lib/legal/privacy-notice';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = {
  title: 'Données personnelles',
  description: 'Ce que la librairie fait de vos données personnelles, combien de temps elle les garde, vos droits.',
  alternates: { canonical: '/donnees-personnelles' },
};

// What the shop does with personal data, how long it keeps it, the rights (RGPD art. 12 to 21) and the cookies (loi n° 78-17, art. 82).
async function PrivacyNoticePage() {
  const shop = await getShopSettings();
  return (
    <>
      <h1>Données personnelles</h1>
      <TermsDocumentView terms={privacyNotice(shop)} />
    </>
  );
}

export default whenDatabaseAnswers(PrivacyNoticePage);
