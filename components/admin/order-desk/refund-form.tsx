import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { formatPrice } from '@/lib/core/money';
import { REFUND_FORM_REASONS, REFUND_REASON_LABELS } from '@/lib/orders/refund-plan';
import { ActionForm } from '../action-form';
import { refundAction } from './actions';
import { OrderFields } from './order-hidden-fields';
import { Field } from '@/components/ui/field';

/** Refund copies of lines, the delivery fee and/or a free amount, with a reason; or everything that remains. */
export function RefundForm({ order }: { order: AdminOrder }) {
  if (!order.paid || order.refundableCents === 0 || !order.stripePaymentIntentId || order.origin === 'counter')
    return null;
  const lines = order.lines.filter((line) => line.refundableQuantity > 0);
  return (
    <section aria-labelledby="rembourser">
      <h2 id="rembourser">Rembourser</h2>
      <p>Reste remboursable : {formatPrice(order.refundableCents)}.</p>
      <ActionForm
        action={refundAction}
        submitLabel="Rembourser"
        className="admin-form refund-form"
        label="Remboursement"
      >
        <OrderFields reference={order.reference} version={order.version} />
        <input type="hidden" name="mode" value="partial" />
        {lines.length > 0 && (
          <fieldset>
            <legend>Exemplaires à rembourser</legend>
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
              Rembourser les frais de livraison ({formatPrice(order.refundableShippingCents)})
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
        submitLabel={`Tout rembourser (${formatPrice(order.refundableCents)})`}
        className="admin-form"
        label="Remboursement de tout ce qui reste"
        buttonClassName="button-secondary"
      >
        <OrderFields reference={order.reference} version={order.version} />
        <input type="hidden" name="mode" value="everything" />
        <Field
          control="select"
          id="refund-all-reason"
          label="Motif du remboursement total"
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
