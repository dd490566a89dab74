import type { Metadata } from 'next';
import Link from 'next/link';
import { TermsDocumentView } from '@/components/legal/terms-document';
import { currentTerms } from '@/lib/terms/current-terms';
import { termsVersionLabel } from '@/lib/terms/version';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

async function metadata(): Promise<Metadata> {
  const shop = await getShopSettings();
  return {
    title: 'Conditions générales de vente',
    description: `Conditions générales de vente de ${shop.name} : prix, livraison, suivi, droit de rétractation.`,
    alternates: { canonical: '/conditions-generales-de-vente' },
  };
}

export const generateMetadata = whenDatabaseAnswers(metadata);

// The terms in force (lib/terms/current-terms.ts), with the shop's settings as the seller's
// identity (Code de la consommation, art. L221-5, R111-1); the same text goes into each order's
// confirmation e-mail.
async function TermsPage() {
  const terms = currentTerms(await getShopSettings());
  return (
    <>
      <h1>Conditions générales de vente</h1>
      <p>
        Conditions en vigueur ({termsVersionLabel(terms.version)}). Le courriel de confirmation de chaque commande
        reproduit les conditions acceptées ; les versions antérieures sont archivées et{' '}
        <Link href="#commande">communiquées sur demande</Link>.
      </p>
      <TermsDocumentView terms={terms} />
    </>
  );
}

export default whenDatabaseAnswers(TermsPage);
