import type { Metadata } from 'next';
import Link from 'next/link';
import { ReceivingDesk } from '@/components/admin/receiving/receiving-desk';
import { requireStaff } from '@/lib/auth/require-staff';
import { getPurchaseOrder, receivingPrefill } from '@/lib/data/stock-desk/purchase-orders';
import { listSupplierOptions } from '@/lib/data/stock-desk/receiving';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Nouvelle réception' };

export default async function NewDeliveryPage({ searchParams }: PageProps<'/admin/receptions/nouvelle'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/receptions/nouvelle' });
  const commande = firstValues(await searchParams).commande;
  const id = commande && /^\d{1,9}$/.test(commande) ? Number(commande) : null;
  const [suppliers, order] = await Promise.all([listSupplierOptions(), id ? getPurchaseOrder(id) : null]);
  const prefill = order ? receivingPrefill(order) : null;
  return (
    <>
      <p>
        <Link href="/admin/receptions">← Réceptions</Link>
      </p>
      <h1>{prefill ? `Réception de la commande fournisseur n° ${prefill.id}` : 'Nouvelle réception'}</h1>
      {id && !prefill && (
        <p className="attention" role="note">
          Cette commande fournisseur n’est pas en attente de livraison : réception libre.
        </p>
      )}
      <p>
        Les exemplaires attendus par des clients leur sont attribués d’abord (la commande la plus ancienne en premier) ;
        le reste va en rayon. « Office » : exemplaires retournables au distributeur pendant sa fenêtre de retour.
      </p>
      <ReceivingDesk suppliers={suppliers} purchaseOrder={prefill} />
    </>
  );
}
