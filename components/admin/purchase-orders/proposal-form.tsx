import type { SupplierProposal } from '@/lib/data/stock-desk/purchase-orders';
import { ActionForm } from '../action-form';
import { createPurchaseOrderAction } from './actions';
import { BookRowHeader } from '@/components/admin/book-row-header';
import { formatWaitingReaders } from '@/lib/alerts/availability-alert';

/** One distributor's proposed list: customers' special orders, réassort and readers waiting, quantities to adjust. */
export function ProposalForm({ proposal }: { proposal: SupplierProposal }) {
  const { supplier } = proposal;
  const headingId = `proposition-${supplier.id}`;
  return (
    <section aria-labelledby={headingId} className="proposal">
      <h3 id={headingId}>
        {supplier.name}
        <span className="muted"> — {supplier.gln ? `GLN ${supplier.gln}` : 'GLN inconnu'}</span>
      </h3>
      <ActionForm
        action={createPurchaseOrderAction}
        submitLabel={`Préparer la commande pour ${supplier.name}`}
        label={`Commande proposée pour ${supplier.name}`}
      >
        <input type="hidden" name="supplierId" value={supplier.id} />
        <table className="admin-table">
          <caption className="visually-hidden">Livres proposés pour {supplier.name}</caption>
          <thead>
            <tr>
              <th scope="col">Livre</th>
              <th scope="col">Attendus par des clients</th>
              <th scope="col">Lecteurs en attente</th>
              <th scope="col">Disponibles / seuil</th>
              <th scope="col">Déjà commandés</th>
              <th scope="col">À commander</th>
            </tr>
          </thead>
          <tbody>
            {proposal.lines.map((line) => (
              <tr key={line.bookId}>
                <BookRowHeader ean={line.ean} title={line.title} />
                <td>{line.awaitedByCustomers}</td>
                <td>{line.waitingReaders > 0 ? formatWaitingReaders(line.waitingReaders) : '—'}</td>
                <td>
                  {line.available}
                  {line.reorderThreshold > 0 ? ` / ${line.reorderThreshold}` : ''}
                </td>
                <td>{line.onOrder}</td>
                <td>
                  <input
                    name={`qty-${line.bookId}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={9999}
                    defaultValue={line.quantity}
                    aria-label={`Exemplaires de « ${line.title} » à commander`}
                    className="input-narrow"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ActionForm>
    </section>
  );
}
