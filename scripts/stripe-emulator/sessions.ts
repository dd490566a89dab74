// Checkout Sessions, payment mode only: https://docs.stripe.com/api/checkout/sessions
// The API's endpoints on sessions. Their parameters are in session-params.ts, their line items in
// session-line-items.ts, their wire shape in session-object.ts, how they end (paid, expired) in
// session-lifecycle.ts; what the server, the control routes and the hosted page call is exported here.
import type { EmulatorContext, RequestInfo } from './context';
import { invalidRequest, resourceMissing } from './errors';
import type { FormNode } from './form-body';
import { newId, unixSeconds } from './ids';
import { parseParams } from './params';
import { lineItemList, lineItemsFrom } from './session-line-items';
import { expireIfDue, markExpired } from './session-lifecycle';
import { serializeSession } from './session-object';
import {
  checkCreateParams,
  checkExpand,
  CreateSessionParams,
  expiresAtSecFor,
  ExpandOnlyParams,
} from './session-params';
import type { SessionRecord } from './store';

export { completeAsync, completeWithCard, expireIfDue, expireNow } from './session-lifecycle';
export { serializeSession } from './session-object';
export { CreateSessionParams } from './session-params';

export function createSession(ctx: EmulatorContext, body: FormNode, request: RequestInfo): Record<string, unknown> {
  const params = parseParams(CreateSessionParams, body);
  const expand = checkExpand(params.expand);
  checkCreateParams(params);
  const createdSec = unixSeconds();
  const expiresAtSec = expiresAtSecFor(params.expires_at, createdSec);
  const { lineItems, currency, amount } = lineItemsFrom(params.line_items);

  const session: SessionRecord = {
    id: newId.checkoutSession(),
    createdSec,
    expiresAtSec,
    status: 'open',
    paymentStatus: 'unpaid',
    currency,
    lineItems,
    amountSubtotal: amount,
    amountTotal: amount,
    customerEmail: params.customer_email ?? null,
    clientReferenceId: params.client_reference_id ?? null,
    locale: params.locale ?? null,
    metadata: params.metadata ?? {},
    successUrl: params.success_url,
    cancelUrl: params.cancel_url ?? null,
    paymentIntentId: null,
    paymentIntentData: {
      metadata: params.payment_intent_data?.metadata ?? {},
      description: params.payment_intent_data?.description ?? null,
      receiptEmail: params.payment_intent_data?.receipt_email ?? null,
    },
    customerDetails: null,
  };
  ctx.store.sessions.set(session.id, session);
  ctx.log(`session ${session.id} created (${amount} ${currency}, request ${request.id})`);
  return serializeSession(ctx, session, expand);
}

/** Returns the session after applying a due expiry; undefined when unknown. */
export function findSession(ctx: EmulatorContext, id: string): SessionRecord | undefined {
  const session = ctx.store.sessions.get(id);
  if (session) expireIfDue(ctx, session);
  return session;
}

export function requireSession(ctx: EmulatorContext, id: string): SessionRecord {
  const session = findSession(ctx, id);
  if (!session) throw resourceMissing('checkout.session', id, 'session');
  return session;
}

export function retrieveSession(ctx: EmulatorContext, id: string, query: FormNode): Record<string, unknown> {
  const expand = checkExpand(parseParams(ExpandOnlyParams, query).expand);
  return serializeSession(ctx, requireSession(ctx, id), expand);
}

export function listSessionLineItems(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const session = requireSession(ctx, id);
  return lineItemList(session, false);
}

export function expireSession(
  ctx: EmulatorContext,
  id: string,
  body: FormNode,
  request: RequestInfo | null,
): Record<string, unknown> {
  const expand = checkExpand(parseParams(ExpandOnlyParams, body).expand);
  const session = requireSession(ctx, id);
  if (session.status !== 'open') {
    // Stripe: "Only Checkout Sessions with a status in ["open"] can be expired."
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      {
        code: 'checkout_session_not_open',
      },
    );
  }
  markExpired(ctx, session, request);
  return serializeSession(ctx, session, expand);
}

export function successRedirectUrl(session: SessionRecord): string {
  return session.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}
