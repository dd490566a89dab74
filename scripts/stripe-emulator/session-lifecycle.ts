// How an open Checkout Session ends: paid by card, completed with a delayed payment, or expired;
// each end emits its webhook event.
import type { EmulatorContext, RequestInfo } from './context';
import { invalidRequest, StripeApiError } from './errors';
import { newId, unixSeconds } from './ids';
import { serializeSession } from './session-object';
import type { SessionRecord } from './store';

export function expireIfDue(ctx: EmulatorContext, session: SessionRecord, nowSec: number = unixSeconds()): void {
  if (session.status === 'open' && nowSec >= session.expiresAtSec) markExpired(ctx, session, null);
}

export function markExpired(ctx: EmulatorContext, session: SessionRecord, request: RequestInfo | null): void {
  session.status = 'expired';
  ctx.webhooks.emit('checkout.session.expired', serializeSession(ctx, session), requestRef(request));
}

function requestRef(request: RequestInfo | null) {
  return { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null };
}

function requireOpen(session: SessionRecord): void {
  if (session.status !== 'open') {
    throw invalidRequest(`This Checkout Session is no longer open (status: ${session.status}).`, {
      code: 'checkout_session_not_open',
    });
  }
}

function createPaymentIntent(
  ctx: EmulatorContext,
  session: SessionRecord,
  status: 'processing' | 'succeeded',
  name: string | null,
): void {
  const intent = {
    id: newId.paymentIntent(),
    sessionId: session.id,
    createdSec: unixSeconds(),
    amount: session.amountTotal,
    currency: session.currency,
    status,
    chargeId: status === 'succeeded' ? newId.charge() : null,
    amountRefunded: 0,
    metadata: session.paymentIntentData.metadata,
    description: session.paymentIntentData.description,
    receiptEmail: session.paymentIntentData.receiptEmail ?? session.customerEmail,
  };
  ctx.store.paymentIntents.set(intent.id, intent);
  session.paymentIntentId = intent.id;
  session.customerDetails = { email: session.customerEmail, name };
}

/** A successful card payment: what the hosted page does with 4242 4242 4242 4242. */
export function completeWithCard(ctx: EmulatorContext, session: SessionRecord, cardholderName: string | null): void {
  requireOpen(session);
  createPaymentIntent(ctx, session, 'succeeded', cardholderName);
  session.status = 'complete';
  session.paymentStatus = 'paid';
  ctx.webhooks.emit('checkout.session.completed', serializeSession(ctx, session));
}

/**
 * A delayed-notification payment method (SEPA debit…): the session completes unpaid, then
 * `checkout.session.async_payment_succeeded` or `_failed` follows.
 * https://docs.stripe.com/payments/checkout/fulfill-orders#delayed-notification
 */
export function completeAsync(ctx: EmulatorContext, session: SessionRecord, outcome: 'succeeded' | 'failed'): void {
  requireOpen(session);
  createPaymentIntent(ctx, session, 'processing', null);
  session.status = 'complete';
  session.paymentStatus = 'unpaid';
  ctx.webhooks.emit('checkout.session.completed', serializeSession(ctx, session));
  const intent = session.paymentIntentId ? ctx.store.paymentIntents.get(session.paymentIntentId) : undefined;
  if (!intent) throw new StripeApiError(500, 'api_error', 'Payment intent missing after completion.');
  if (outcome === 'succeeded') {
    intent.status = 'succeeded';
    intent.chargeId = newId.charge();
    session.paymentStatus = 'paid';
    ctx.webhooks.emit('checkout.session.async_payment_succeeded', serializeSession(ctx, session));
  } else {
    intent.status = 'requires_payment_method';
    ctx.webhooks.emit('checkout.session.async_payment_failed', serializeSession(ctx, session));
  }
}

export function expireNow(ctx: EmulatorContext, session: SessionRecord): void {
  requireOpen(session);
  markExpired(ctx, session, null);
}
