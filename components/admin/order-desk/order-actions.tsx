import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { CARRIER_IDS, CARRIERS } from '@/lib/orders/carriers';
import { TRANSITIONS } from '@/lib/orders/workflow';
import { ActionForm } from '../action-form';
import { cancelCounterOrderAction, cancelOrderAction, changeOrderStatusAction, clearAttentionAction } from './actions';
import { OrderFields } from './order-hidden-fields';
import { Field } from '@/components/ui/field';

/** The next steps the workflow allows for this order (the server checks again on submit). */
export function OrderActions({ order }: { order: AdminOrder }) {
  const steps = order.transitions.filter((t) => t !== 'cancel');
  // A counter special order is cancelled without Stripe: the money was taken at the till.
  const counter = order.origin === 'counter';
  const canCancel = order.transitions.includes('cancel') && !counter;
  const canCancelCounter = counter && (order.status === 'paid' || order.status === 'ready_for_pickup');
  return (
    <section className="order-actions" aria-labelledby="etapes">
      <h2 id="etapes">Étapes</h2>
      {order.attentionReason && (
        <div className="attention" role="note">
          <p>
            <strong>À traiter :</strong> {order.attentionReason}
          </p>
          <ActionForm
            action={clearAttentionAction}
            submitLabel="Marquer l’alerte comme traitée"
            buttonClassName="button-secondary"
          >
            <OrderFields reference={order.reference} version={order.version} />
          </ActionForm>
        </div>
      )}
      {order.stage === 'awaiting_supplier' && (
        <p>
          En attente du distributeur : la réception de la livraison lui attribuera ses exemplaires (ou marquez-les reçus
          dans le tableau des livres).
        </p>
      )}
      {steps.length === 0 && !canCancel && !canCancelCounter && (
        <p className="muted">Aucune étape possible pour cette commande.</p>
      )}
      <div className="step-forms">
        {steps.map((transition) =>
          transition === 'ship' ? (
            <ActionForm
              key={transition}
              action={changeOrderStatusAction}
              submitLabel={TRANSITIONS.ship.label}
              className="ship-form"
              label="Expédition"
            >
              <OrderFields reference={order.reference} version={order.version} />
              <input type="hidden" name="transition" value="ship" />
              <Field control="select" label="Transporteur" name="carrier" defaultValue="colissimo">
                {CARRIER_IDS.map((carrier) => (
                  <option key={carrier} value={carrier}>
                    {CARRIERS[carrier].label}
                  </option>
                ))}
              </Field>
              <Field label="Numéro de suivi" name="trackingNumber" required maxLength={60} autoComplete="off" />
            </ActionForm>
          ) : (
            <ActionForm key={transition} action={changeOrderStatusAction} submitLabel={TRANSITIONS[transition].label}>
              <OrderFields reference={order.reference} version={order.version} />
              <input type="hidden" name="transition" value={transition} />
            </ActionForm>
          ),
        )}
      </div>
      {canCancel && (
        <details className="cancel-order">
          <summary>Annuler la commande…</summary>
          <ActionForm
            action={cancelOrderAction}
            submitLabel={order.onAccount ? 'Annuler la commande sur compte' : 'Annuler et rembourser'}
            label="Annulation"
            buttonClassName="button-danger"
          >
            <OrderFields reference={order.reference} version={order.version} />
            <p>
              {order.onAccount
                ? 'Commande sur compte : rien n’a été payé en ligne. L’annulation remet en rayon les exemplaires qui n’ont pas quitté la librairie ; une commande déjà facturée reçoit un avoir.'
                : 'L’annulation rembourse tout ce qui reste payé et remet en rayon les exemplaires qui n’ont pas quitté la librairie.'}
            </p>
            <Field id="cancel-note" label="Raison (interne, facultative)" name="note" maxLength={500} />
            <div className="field field-check">
              <input id="cancel-confirm" name="confirm" type="checkbox" value="oui" required />
              <label htmlFor="cancel-confirm">
                {order.onAccount ? 'Je confirme l’annulation' : 'Je confirme l’annulation et le remboursement'}
              </label>
            </div>
          </ActionForm>
        </details>
      )}
      {canCancelCounter && (
        <details className="cancel-order">
          <summary>Annuler la commande client…</summary>
          <ActionForm
            action={cancelCounterOrderAction}
            submitLabel="Annuler la commande client"
            label="Annulation de la commande client"
            buttonClassName="button-danger"
          >
            <OrderFields reference={order.reference} version={order.version} />
            <p>
              Les exemplaires déjà reçus pour ce client retournent en rayon ; ceux encore attendus ne lui sont plus
              destinés. Un montant déjà réglé se rend en caisse.
            </p>
            <div className="field field-check">
              <input id="cancel-counter-confirm" name="confirm" type="checkbox" value="oui" required />
              <label htmlFor="cancel-counter-confirm">Je confirme l’annulation</label>
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
