import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PurchaseOrderLines, PurchaseOrderSteps } from '@/components/admin/purchase-orders/purchase-order-forms';
import { requireStaff } from '@/lib/auth/require-staff';
import { isoDay, toParisDay } from '@/lib/availability/paris-calendar';
import { getPurchaseOrder, PURCHASE_ORDER_STATUS_LABELS } from '@/lib/data/stock-desk/purchase-orders';
import { formatDateShort } from '@/lib/core/date';
import { formatDateTime } from '@/lib/core/date-time';

export const metadata: Metadata = { title: 'Commande fournisseur' };

export default async function PurchaseOrderPage({ params }: PageProps<'/admin/commandes-fournisseurs/[id]'>) {
  const { id } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/commandes-fournisseurs/${encodeURIComponent(id)}` });
  const order = /^\d{1,9}$/.test(id) ? await getPurchaseOrder(Number(id)) : null;
  if (!order) notFound();
  return (
    <>
      <p>
        <Link href="/admin/commandes-fournisseurs">← Commandes fournisseurs</Link>
      </p>
      <h1>
        Commande fournisseur n° {order.id} — {order.supplier.name}{' '}
        <span className="badge">{PURCHASE_ORDER_STATUS_LABELS[order.status]}</span>
      </h1>
      <dl className="facts">
        <dt>Distributeur</dt>
        <dd>
          {order.supplier.name} {order.supplier.gln ? `(GLN ${order.supplier.gln})` : '(GLN inconnu)'}
        </dd>
        <dt>Préparée</dt>
        <dd>
          le {formatDateTime(order.createdAt)} par {order.createdBy.name}
        </dd>
        <dt>Envoyée</dt>
        <dd>{order.sentOn ? `le ${formatDateShort(order.sentOn)}` : 'pas encore'}</dd>
        <dt>Exemplaires</dt>
        <dd>
          {order.copies} commandés, {order.missing} manquants
        </dd>
      </dl>
      <p>
        <a href={`/admin/commandes-fournisseurs/${order.id}/csv`} download>
          Exporter pour le distributeur (CSV)
        </a>
        {order.status !== 'draft' && order.status !== 'cancelled' && (
          <>
            {' · '}
            <a href={`/admin/commandes-fournisseurs/${order.id}/edifact`} download>
              Exporter en EDI (EANCOM ORDERS)
            </a>
          </>
        )}
      </p>
      <PurchaseOrderSteps order={order} today={isoDay(toParisDay(new Date()).day)} />
      <PurchaseOrderLines order={order} />
      {order.deliveries.length > 0 && (
        <>
          <h2>Livraisons reçues</h2>
          <ul>
            {order.deliveries.map((delivery) => (
              <li key={delivery.id}>
                <Link href={`/admin/receptions/${delivery.id}`}>BL {delivery.noteNumber}</Link>, le{' '}
                {formatDateTime(delivery.receivedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
