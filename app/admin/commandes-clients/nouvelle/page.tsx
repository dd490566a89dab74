import type { Metadata } from 'next';
import Link from 'next/link';
import { CounterOrderForm } from '@/components/admin/counter-orders/counter-order-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { normalizeEanParam } from '@/lib/isbn';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Nouvelle commande client' };

export default async function NewCounterOrderPage({ searchParams }: PageProps<'/admin/commandes-clients/nouvelle'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/commandes-clients/nouvelle' });
  const ean = normalizeEanParam(firstValues(await searchParams).ean ?? '') ?? '';
  return (
    <>
      <p>
        <Link href="/admin/commandes">← Commandes</Link>
      </p>
      <h1>Nouvelle commande client</h1>
      <p>
        Un client demande un livre que la librairie n’a pas : il rejoint la prochaine commande au distributeur, lui est
        attribué à la réception et la commande passe alors « prête au retrait ». Prix : le prix public du livre (prix
        unique).
      </p>
      <CounterOrderForm ean={ean} />
    </>
  );
}
