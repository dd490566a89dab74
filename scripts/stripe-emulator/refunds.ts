// Refunds of a paid Checkout Session's payment: https://docs.stripe.com/api/refunds/create
import type { EmulatorContext, RequestInfo } from './context';
import { invalidRequest, parameterMissing, resourceMissing } from './errors';
import type { FormNode } from './form-body';
import { newId, unixSeconds } from './ids';
import { param, parseParams } from './params';
import type { PaymentIntentRecord, RefundRecord } from './store';

export const CreateRefundParams = param.object({
  payment_intent: param.string({ maxLength: 5000 }),
  charge: param.string({ maxLength: 5000 }),
  amount: param.integer({ min: 1 }),
  reason: param.string({ oneOf: ['duplicate', 'fraudulent', 'requested_by_customer'] }),
  metadata: param.map(),
  expand: param.array(param.string({ maxLength: 5000 })),
});

function formatEuros(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export function createRefund(ctx: EmulatorContext, body: FormNode, request: RequestInfo): Record<string, unknown> {
  const params = parseParams(CreateRefundParams, body);
  if (params.expand && params.expand.length > 0)
    throw invalidRequest(`This property cannot be expanded (${params.expand[0]}).`, { param: 'expand[0]' });
  let intent: PaymentIntentRecord | undefined;
  if (params.payment_intent !== undefined) {
    intent = ctx.store.paymentIntents.get(params.payment_intent);
    if (!intent) throw resourceMissing('payment_intent', params.payment_intent, 'payment_intent');
    if (params.charge !== undefined && params.charge !== intent.chargeId) {
      throw invalidRequest('The charge and payment_intent parameters do not match.', { param: 'charge' });
    }
  } else if (params.charge !== undefined) {
    intent = ctx.store.paymentIntentByCharge(params.charge);
    if (!intent) throw resourceMissing('charge', params.charge, 'charge');
  } else {
    throw parameterMissing('payment_intent');
  }

  if (intent.status !== 'succeeded' || !intent.chargeId) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      code: 'charge_not_refundable',
      param: 'payment_intent',
    });
  }
  const remaining = intent.amount - intent.amountRefunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${intent.chargeId} has already been refunded.`, { code: 'charge_already_refunded' });
  }
  const amount = params.amount ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatEuros(amount, intent.currency)}) is greater than unrefunded amount on charge (${formatEuros(remaining, intent.currency)})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }

  const refund: RefundRecord = {
    id: newId.refund(),
    createdSec: unixSeconds(),
    amount,
    currency: intent.currency,
    chargeId: intent.chargeId,
    paymentIntentId: intent.id,
    reason: (params.reason as RefundRecord['reason']) ?? null,
    metadata: params.metadata ?? {},
  };
  ctx.store.refunds.set(refund.id, refund);
  intent.amountRefunded += amount;
  ctx.log(`refund ${refund.id} of ${amount} on ${intent.id}`);
  ctx.webhooks.emit('charge.refunded', serializeCharge(intent), {
    id: request.id,
    idempotency_key: request.idempotencyKey,
  });
  return serializeRefund(refund);
}

export function serializeRefund(refund: RefundRecord): Record<string, unknown> {
  return {
    id: refund.id,
    object: 'refund',
    amount: refund.amount,
    balance_transaction: null,
    charge: refund.chargeId,
    created: refund.createdSec,
    currency: refund.currency,
    destination_details: {
      type: 'card',
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
    },
    metadata: refund.metadata,
    payment_intent: refund.paymentIntentId,
    reason: refund.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

/** The Charge of a paid payment intent, as sent in `charge.refunded`. */
export function serializeCharge(intent: PaymentIntentRecord): Record<string, unknown> {
  return {
    id: intent.chargeId,
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: intent.amountRefunded,
    balance_transaction: null,
    captured: true,
    created: intent.createdSec,
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    livemode: false,
    metadata: intent.metadata,
    paid: true,
    payment_intent: intent.id,
    receipt_email: intent.receiptEmail,
    refunded: intent.amountRefunded === intent.amount,
    status: 'succeeded',
  };
}
