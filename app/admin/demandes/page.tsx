import type { Metadata } from 'next';
import { AnsweredBookRequests, OpenBookRequests } from '@/components/admin/book-requests/book-request-table';
import { requireStaff } from '@/lib/auth/require-staff';
import { listBookRequests } from '@/lib/data/stock-desk/book-requests';

export const metadata: Metadata = { title: 'Demandes des lecteurs' };

// The single-copy ordering service (loi n° 81-766, art. 1): the requests readers sent from
// /commander-un-livre, answered within two working days as the site promises.
export default async function BookRequestsPage() {
  await requireStaff('libraire', { loginRedirect: '/admin/demandes' });
  const { open, answered } = await listBookRequests();
  return (
    <>
      <h1>Demandes des lecteurs</h1>
      <p>
        Des livres absents du catalogue, demandés sur le site. Le site promet une réponse sous deux jours ouvrables :
        commandez le livre pour le lecteur (une commande client, à régler au retrait), ou dites-lui pourquoi il ne peut
        pas être obtenu. Chaque réponse lui est envoyée par courriel.
      </p>
      <OpenBookRequests requests={open} />
      <AnsweredBookRequests requests={answered} />
    </>
  );
}
