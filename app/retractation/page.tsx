import type { Metadata } from 'next';
import Link from 'next/link';
import { LookupForm } from '@/components/tracking/lookup-form';
import { WITHDRAWAL_REFUND_NOTICE, WITHDRAWAL_RIGHT_NOTICE } from '@/lib/pricing';

export const metadata: Metadata = {
  title: 'Renoncer au contrat',
  description: 'Exercez en ligne votre droit de rétractation sur une commande.',
  alternates: { canonical: '/retractation' },
};

// The withdrawal function every online shop offers since 19 June 2026 (Code de la consommation,
// art. L221-21 as amended by ordonnance n° 2026-2, and D221-5): reached from every page's footer
// ("Renoncer au contrat ici"), free, no account. The order is identified by its number and its
// e-mail; the answer is the same for any pair, and the declaration itself opens from the link
// e-mailed to the order's address, so nobody can withdraw someone else's order or learn that it
// exists.
export default function WithdrawalLookupPage() {
  return (
    <>
      <h1>Renoncer au contrat</h1>
      <p>{WITHDRAWAL_RIGHT_NOTICE}</p>
      <p>
        Indiquez le numéro de votre commande (il figure dans le courriel de confirmation, par exemple LF-7K3P9QXW) et
        l’adresse e-mail utilisée pour commander : nous y envoyons un lien personnel qui ouvre votre déclaration. Vous y
        choisissez les livres, puis vous confirmez la rétractation ; un accusé de réception daté vous est envoyé par
        courriel.
      </p>
      <LookupForm purpose="withdrawal" />
      <p>{WITHDRAWAL_REFUND_NOTICE}</p>
      <p>
        Les commandes passées en librairie, au comptoir, ne sont pas des achats à distance : le droit de rétractation ne
        s’y applique pas. Les{' '}
        <Link href="/conditions-generales-de-vente#retractation">conditions générales de vente</Link> décrivent le droit
        de rétractation en détail.
      </p>
    </>
  );
}
