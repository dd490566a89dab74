import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { formatPrice } from '@/lib/core/money';
import { REFUND_FORM_REASONS, REFUND_REASON_LABELS } from '@/lib/orders/refund-plan';
import { ActionForm } from '../action-form';
import { refundAction } from './actions';
import { OrderFields } from './order-hidden-fields';
import { Field } from '@/components/ui/field';

/**
 * Refund copies of lines, the delivery fee and/or a free amount, with a reason; or everything that
 * remains. An invoiced order on account gets the same form as a credit note, without Stripe.
 */
export function RefundForm({ order }: { order: AdminOrder }) {
  const creditNote = order.onAccount === 'invoiced' || order.onAccount === 'paid';
  if (order.refundableCents === 0) return null;
  if (!creditNote && (!order.paid || !order.stripePaymentIntentId || order.origin === 'counter')) return null;
  const lines = order.lines.filter((line) => line.refundableQuantity > 0);
  const words = creditNote
    ? { verb: 'Mettre à l’avoir', title: 'Avoir sur la facture', left: 'Reste facturé', all: 'Tout mettre à l’avoir' }
    : { verb: 'Rembourser', title: 'Rembourser', left: 'Reste remboursable', all: 'Tout rembourser' };
  return (
    <section aria-labelledby="rembourser">
      <h2 id="rembourser">{words.title}</h2>
      <p>
        {words.left} : {formatPrice(order.refundableCents)}.
        {creditNote && ' L’avoir (série A) s’impute sur la facture ; aucun paiement en ligne n’est remboursé.'}
      </p>
      <ActionForm
        action={refundAction}
        submitLabel={creditNote ? 'Émettre l’avoir' : 'Rembourser'}
        className="admin-form refund-form"
        label={creditNote ? 'Avoir' : 'Remboursement'}
      >
        <OrderFields reference={order.reference} version={order.version} />
        <input type="hidden" name="mode" value="partial" />
        {lines.length > 0 && (
          <fieldset>
            <legend>Exemplaires {creditNote ? 'à mettre à l’avoir' : 'à rembourser'}</legend>
            {lines.map((line) => (
              <div className="field field-inline" key={line.id}>
                <label htmlFor={`qty-${line.id}`}>
                  {line.title} ({formatPrice(line.unitPriceCents)}, {line.refundableQuantity} au plus)
                </label>
                <input
                  id={`qty-${line.id}`}
                  name={`qty-${line.id}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.refundableQuantity}
                  defaultValue={0}
                />
              </div>
            ))}
          </fieldset>
        )}
        {order.refundableShippingCents > 0 && (
          <div className="field field-check">
            <input id="refund-shipping" name="shipping" type="checkbox" value="oui" />
            <label htmlFor="refund-shipping">
              {words.verb} les frais de livraison ({formatPrice(order.refundableShippingCents)})
            </label>
          </div>
        )}
        <Field
          id="refund-extra"
          label="Montant libre en euros (geste commercial, facultatif)"
          name="extra"
          inputMode="decimal"
          placeholder="0,00"
          maxLength={12}
          autoComplete="off"
        />
        <Field control="select" id="refund-reason" label="Motif" name="reason" defaultValue="withdrawal">
          {REFUND_FORM_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {REFUND_REASON_LABELS[reason]}
            </option>
          ))}
        </Field>
        <Field id="refund-note" label="Note interne (facultative)" name="note" maxLength={500} />
      </ActionForm>
      <ActionForm
        action={refundAction}
        submitLabel={`${words.all} (${formatPrice(order.refundableCents)})`}
        className="admin-form"
        label={creditNote ? 'Avoir de tout ce qui reste' : 'Remboursement de tout ce qui reste'}
        buttonClassName="button-secondary"
      >
        <OrderFields reference={order.reference} version={order.version} />
        <input type="hidden" name="mode" value="everything" />
        <Field
          control="select"
          id="refund-all-reason"
          label={creditNote ? 'Motif de l’avoir total' : 'Motif du remboursement total'}
          name="reason"
          defaultValue="withdrawal"
        >
          {REFUND_FORM_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {REFUND_REASON_LABELS[reason]}
            </option>
          ))}
        </Field>
      </ActionForm>
    </section>
  );
}
