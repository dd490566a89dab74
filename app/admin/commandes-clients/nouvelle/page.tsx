import type { Metadata } from 'next';
import Link from 'next/link';
import { CounterOrderForm } from '@/components/admin/counter-orders/counter-order-form';
import { RequestedBook } from '@/components/admin/book-requests/requested-book';
import { requireStaff } from '@/lib/auth/require-staff';
import { findOpenBookRequest } from '@/lib/data/stock-desk/book-requests';
import { normalizeEanParam } from '@/lib/isbn';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Nouvelle commande client' };

export default async function NewCounterOrderPage({ searchParams }: PageProps<'/admin/commandes-clients/nouvelle'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/commandes-clients/nouvelle' });
  const params = firstValues(await searchParams);
  // A reader's request from /commander-un-livre, still open: the form starts from it.
  const request = params.demande ? await findOpenBookRequest(params.demande.slice(0, 20)) : null;
  const ean = normalizeEanParam(params.ean ?? request?.ean ?? '') ?? '';
  return (
    <>
      <p>
        <Link href={request ? '/admin/demandes' : '/admin/commandes'}>
          {request ? '← Demandes des lecteurs' : '← Commandes'}
        </Link>
      </p>
      <h1>Nouvelle commande client</h1>
      <p>
        Un client demande un livre que la librairie n’a pas : il rejoint la prochaine commande au distributeur, lui est
        attribué à la réception et la commande passe alors « prête au retrait ». Prix : le prix public du livre (prix
        unique).
      </p>
      {request && (
        <p className="notice">
          Réponse à la demande {request.reference} de {request.fullName} : <RequestedBook request={request} />. Le
          lecteur reçoit par courriel le numéro de la commande, son prix et son délai.
          {!request.ean && ' Trouvez son EAN et créez le livre au catalogue s’il n’y est pas.'}
        </p>
      )}
      <CounterOrderForm
        ean={ean}
        from={
          request
            ? {
                request: request.reference,
                quantity: request.quantity,
                fullName: request.fullName,
                email: request.email,
                phone: request.phone,
              }
            : undefined
        }
      />
    </>
  );
}
