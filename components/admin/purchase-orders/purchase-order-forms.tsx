import Link from 'next/link';
import type { PurchaseOrderView } from '@/lib/data/stock-desk/purchase-orders';
import { ActionForm } from '../action-form';
import { cancelPurchaseOrderAction, sendPurchaseOrderAction, updatePurchaseOrderAction } from './actions';
import { Field } from '@/components/ui/field';
import { BookRowHeader } from '@/components/admin/book-row-header';

function RefFields({ order }: { order: PurchaseOrderView }) {
  return (
    <>
      <input type="hidden" name="purchaseOrderId" value={order.id} />
      <input type="hidden" name="version" value={order.version} />
    </>
  );
}

/** The purchase order's lines: quantities editable until it is sent; then received and missing copies. */
export function PurchaseOrderLines({ order }: { order: PurchaseOrderView }) {
  const editable = order.status === 'draft';
  const table = (
    <table className="admin-table">
      <caption>Livres commandés</caption>
      <thead>
        <tr>
          <th scope="col">Livre</th>
          <th scope="col">Commandés</th>
          <th scope="col">Dont pour des clients</th>
          <th scope="col">Reçus</th>
          <th scope="col">Manquants</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.id}>
            <BookRowHeader ean={line.book.ean} title={line.book.title} />
            <td>
              {editable ? (
                <input
                  name={`line-${line.id}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={9999}
                  defaultValue={line.quantity}
                  aria-label={`Exemplaires de « ${line.book.title} » commandés`}
                  className="input-narrow"
                />
              ) : (
                line.quantity
              )}
            </td>
            <td>{line.forCustomerOrders}</td>
            <td>{line.receivedQuantity}</td>
            <td>{line.missing}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!editable) return table;
  return (
    <ActionForm
      action={updatePurchaseOrderAction}
      submitLabel="Enregistrer les quantités"
      label="Quantités commandées"
      buttonClassName="button-secondary"
    >
      <RefFields order={order} />
      {table}
    </ActionForm>
  );
}

/** Send (with the day it left), receive, or cancel. */
export function PurchaseOrderSteps({ order, today }: { order: PurchaseOrderView; today: string }) {
  return (
    <div className="step-forms">
      {order.status === 'draft' && (
        <ActionForm action={sendPurchaseOrderAction} submitLabel="Marquer envoyée" label="Envoi au distributeur">
          <RefFields order={order} />
          <Field label="Envoyée le" name="sentOn" type="date" defaultValue={today} required />
        </ActionForm>
      )}
      {order.status === 'sent' && (
        <p>
          <Link href={`/admin/receptions/nouvelle?commande=${order.id}`} className="button">
            Réceptionner cette commande
          </Link>
        </p>
      )}
      {(order.status === 'draft' || order.status === 'sent') && (
        <details className="cancel-order">
          <summary>{order.status === 'draft' ? 'Annuler cette commande…' : 'Ne plus attendre les manquants…'}</summary>
          <ActionForm
            action={cancelPurchaseOrderAction}
            submitLabel={order.status === 'draft' ? 'Annuler la commande' : 'Clore la commande'}
            label="Annulation de la commande fournisseur"
            buttonClassName="button-danger"
          >
            <RefFields order={order} />
            <p>Les livres qu’elle attendait seront proposés à nouveau sur la prochaine commande.</p>
          </ActionForm>
        </details>
      )}
    </div>
  );
}
