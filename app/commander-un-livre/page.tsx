import type { Metadata } from 'next';
import Link from 'next/link';
import { BookRequestForm } from '@/components/book-requests/book-request-form';

export const metadata: Metadata = {
  title: 'Commander un livre absent du catalogue',
  description: 'Nous commandons gratuitement, à l’unité, tout livre disponible chez son éditeur.',
  alternates: { canonical: '/commander-un-livre' },
};

// The single-copy ordering service every bookshop owes (loi n° 81-766 du 10 août 1981, art. 1):
// free, one copy if asked, at the publisher's price. The request reaches the stock desk
// (/admin/demandes) and the reader gets an acknowledgement, then an answer, by e-mail.
export default function BookRequestPage() {
  return (
    <>
      <h1>Commander un livre absent du catalogue</h1>
      <p>
        Vous ne trouvez pas un livre sur le site ? Comme toute librairie, nous commandons gratuitement, même à l’unité,
        tout livre disponible chez son éditeur (loi n° 81-766 du 10 août 1981, art. 1). Il vous est vendu au prix fixé
        par l’éditeur.
      </p>
      <p>
        Nous vous répondons par courriel sous deux jours ouvrables, avec son prix et son délai. Le livre vous attend
        ensuite à la librairie, où vous le réglez en le retirant ; la demande ne vous engage à rien.
      </p>
      <BookRequestForm />
      <p>
        Vos coordonnées servent seulement à vous répondre et à vous prévenir de l’arrivée du livre. Voir aussi nos{' '}
        <Link href="/conditions-generales-de-vente#commande-a-l-unite">conditions générales de vente</Link>.
      </p>
    </>
  );
}
