import type { Metadata } from 'next';
import Link from 'next/link';
import { ProposalForm } from '@/components/admin/purchase-orders/proposal-form';
import { requireStaff } from '@/lib/auth/require-staff';
import {
  listPurchaseOrders,
  listPurchaseProposals,
  PURCHASE_ORDER_STATUS_LABELS,
} from '@/lib/data/stock-desk/purchase-orders';
import { formatDateShort } from '@/lib/core/date';
import { formatDateTime } from '@/lib/core/date-time';

export const metadata: Metadata = { title: 'Commandes fournisseurs' };

export default async function PurchaseOrdersPage() {
  await requireStaff('libraire', { loginRedirect: '/admin/commandes-fournisseurs' });
  const [proposals, open, closed] = await Promise.all([
    listPurchaseProposals(),
    listPurchaseOrders(['draft', 'sent']),
    listPurchaseOrders(['received', 'cancelled'], 20),
  ]);
  return (
    <>
      <h1>Commandes fournisseurs</h1>
      <section aria-labelledby="a-commander">
        <h2 id="a-commander">À commander</h2>
        <p>
          Par distributeur : les exemplaires que des clients attendent (commandes en ligne et commandes clients au
          comptoir) et les livres passés sous leur seuil de réassort, moins ce qui est déjà commandé. Les livres que
          seuls des lecteurs attendent (alertes de disponibilité) sont proposés à 0 exemplaire : à vous de juger.
        </p>
        {proposals.length === 0 ? (
          <p className="notice">Rien à commander pour l’instant.</p>
        ) : (
          proposals.map((proposal) => <ProposalForm key={proposal.supplier.id} proposal={proposal} />)
        )}
      </section>
      <section aria-labelledby="en-cours">
        <h2 id="en-cours">En préparation ou envoyées</h2>
        <OrdersTable rows={open} caption="Commandes en préparation ou envoyées" />
      </section>
      <section aria-labelledby="closes">
        <h2 id="closes">Reçues ou annulées récemment</h2>
        <OrdersTable rows={closed} caption="Commandes reçues ou annulées" />
      </section>
    </>
  );
}

function OrdersTable({ rows, caption }: { rows: Awaited<ReturnType<typeof listPurchaseOrders>>; caption: string }) {
  if (rows.length === 0) return <p className="notice">Aucune.</p>;
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Commande</th>
          <th scope="col">Distributeur</th>
          <th scope="col">Statut</th>
          <th scope="col">Préparée le</th>
          <th scope="col">Envoyée le</th>
          <th scope="col">Exemplaires</th>
          <th scope="col">Manquants</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link href={`/admin/commandes-fournisseurs/${row.id}`}>n° {row.id}</Link>
            </th>
            <td>{row.supplier.name}</td>
            <td>{PURCHASE_ORDER_STATUS_LABELS[row.status]}</td>
            <td>{formatDateTime(row.createdAt)}</td>
            <td>{row.sentOn ? formatDateShort(row.sentOn) : '—'}</td>
            <td>{row.copies}</td>
            <td>{row.missing}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
