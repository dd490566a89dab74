import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/require-staff';
import { getDelivery } from '@/lib/data/stock-desk/receiving';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';
import { formatDiscount } from '@/lib/stock/purchase-cost';
import { firstValues } from '@/lib/validation/search-params';
import { BookRowHeader } from '@/components/admin/book-row-header';

export const metadata: Metadata = { title: 'Réception' };

export default async function DeliveryPage({ params, searchParams }: PageProps<'/admin/receptions/[id]'>) {
  const { id } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/receptions/${encodeURIComponent(id)}` });
  const delivery = /^\d{1,9}$/.test(id) ? await getDelivery(Number(id)) : null;
  if (!delivery) notFound();
  const justSaved = firstValues(await searchParams).enregistree === '1';
  const copies = delivery.lines.reduce((sum, line) => sum + line.quantity, 0);
  const allocated = delivery.allocations.reduce((sum, a) => sum + a.quantity, 0);
  return (
    <>
      <p>
        <Link href="/admin/receptions">← Réceptions</Link>
      </p>
      <h1>
        Réception : BL {delivery.noteNumber} — {delivery.supplier.name}
      </h1>
      {justSaved && (
        <p className="form-success" role="status">
          Réception enregistrée : {copies} exemplaire{copies > 1 ? 's' : ''}, dont {allocated} pour des commandes
          clients et {copies - allocated} en rayon.
        </p>
      )}
      <dl className="facts">
        <dt>Reçue le</dt>
        <dd>
          {formatDateTime(delivery.receivedAt)} par {delivery.receivedBy.name}
        </dd>
        {delivery.purchaseOrderId && (
          <>
            <dt>Commande fournisseur</dt>
            <dd>
              <Link href={`/admin/commandes-fournisseurs/${delivery.purchaseOrderId}`}>
                n° {delivery.purchaseOrderId}
              </Link>
            </dd>
          </>
        )}
        <dt>Coût d’achat HT</dt>
        <dd>{formatPrice(delivery.costExclVatCents)}</dd>
      </dl>
      <table className="admin-table">
        <caption>Livres reçus</caption>
        <thead>
          <tr>
            <th scope="col">Livre</th>
            <th scope="col">Exemplaires</th>
            <th scope="col">Conditions</th>
            <th scope="col">Prix public</th>
            <th scope="col">Remise</th>
            <th scope="col">Prix d’achat HT</th>
          </tr>
        </thead>
        <tbody>
          {delivery.lines.map((line) => (
            <tr key={line.id}>
              <BookRowHeader ean={line.book.ean} title={line.book.title} />
              <td>
                {line.quantity}
                {line.returnedQuantity > 0 && <span className="muted"> ({line.returnedQuantity} retournés)</span>}
              </td>
              <td>{line.terms === 'on_approval' ? 'Office (retournable)' : 'Ferme'}</td>
              <td>{formatPrice(line.publisherPriceCents)}</td>
              <td>{formatDiscount(line.discountBasisPoints)}</td>
              <td>{formatPrice(line.unitCostExclVatCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Attribués aux commandes clients</h2>
      {delivery.allocations.length === 0 ? (
        <p>Aucun client n’attendait ces livres : tout est allé en rayon.</p>
      ) : (
        <ul>
          {delivery.allocations.map((allocation, index) => (
            <li key={index}>
              {allocation.quantity} × « {allocation.title} » pour{' '}
              {allocation.order && (
                <>
                  <Link href={`/admin/commandes/${allocation.order.reference}`}>{allocation.order.reference}</Link> (
                  {allocation.order.fullName}
                  {allocation.order.origin === 'counter' ? ', commande au comptoir' : ''}) : à mettre de côté pour ce
                  client
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
