// Checkout Sessions, payment mode only: https://docs.stripe.com/api/checkout/sessions
import type { EmulatorContext, RequestInfo } from './context';
import { invalidRequest, parameterInvalid, resourceMissing, StripeApiError } from './errors';
import type { FormNode } from './form-body';
import { newId, unixSeconds } from './ids';
import { param, parseParams } from './params';
import type { LineItemRecord, SessionRecord } from './store';

const MIN_EXPIRY_SEC = 30 * 60;
const MAX_EXPIRY_SEC = 24 * 60 * 60;
// Stripe's minimum charge for EUR (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
const MIN_AMOUNT_CENTS = 50;
const MAX_AMOUNT_CENTS = 99_999_999;

// Values accepted by the API for `locale` (2023 spec enum).
const LOCALES = [
  'auto',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
] as const;

const EXPANDABLE = ['line_items', 'line_items.data.price.product'] as const;

// The subset of `POST /v1/checkout/sessions` the emulator implements. Anything else is
// `parameter_unknown`, including `payment_method_types`, removed from the 2026 API.
export const CreateSessionParams = param.object({
  mode: param.required(param.string({ oneOf: ['payment', 'setup', 'subscription'] })),
  ui_mode: param.string({ oneOf: ['hosted_page'] }),
  line_items: param.required(
    param.array(
      param.object({
        price: param.string({ maxLength: 5000 }),
        price_data: param.object({
          currency: param.required(param.string()),
          unit_amount: param.integer({ min: 0 }),
          product_data: param.object({
            name: param.required(param.string({ maxLength: 5000 })),
            description: param.string({ maxLength: 40000 }),
            images: param.array(param.string(), { maxItems: 8 }),
            metadata: param.map(),
            tax_code: param.string({ maxLength: 5000 }),
          }),
          tax_behavior: param.string({ oneOf: ['exclusive', 'inclusive', 'unspecified'] }),
        }),
        quantity: param.required(param.integer({ min: 1 })),
      }),
      { maxItems: 100 },
    ),
  ),
  customer_email: param.string({ maxLength: 800 }),
  client_reference_id: param.string({ maxLength: 200 }),
  locale: param.string({ oneOf: LOCALES }),
  metadata: param.map(),
  success_url: param.required(param.string({ maxLength: 5000 })),
  cancel_url: param.string({ maxLength: 5000 }),
  expires_at: param.integer(),
  payment_intent_data: param.object({
    metadata: param.map(),
    description: param.string({ maxLength: 1000 }),
    receipt_email: param.string(),
  }),
  expand: param.array(param.string({ maxLength: 5000 })),
});

export const ExpandOnlyParams = param.object({ expand: param.array(param.string({ maxLength: 5000 })) });

function checkUrl(value: string, name: string): void {
  let url: URL;
  try {
    url = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'cs_test_placeholder'));
  } catch (error) {
    throw parameterInvalid(
      name,
      `Not a valid URL (${error instanceof Error ? error.message : 'unparseable'})`,
      'url_invalid',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw parameterInvalid(name, 'Not a valid URL', 'url_invalid');
}

function checkExpand(expand: string[] | undefined): string[] {
  for (const [index, path] of (expand ?? []).entries()) {
    if (!(EXPANDABLE as readonly string[]).includes(path)) {
      throw parameterInvalid(`expand[${index}]`, `This property cannot be expanded (${path}).`);
    }
  }
  return expand ?? [];
}

export function createSession(ctx: EmulatorContext, body: FormNode, request: RequestInfo): Record<string, unknown> {
  const params = parseParams(CreateSessionParams, body);
  const expand = checkExpand(params.expand);
  if (params.mode !== 'payment') {
    throw parameterInvalid('mode', `The Stripe emulator only implements mode=payment, got mode=${params.mode}.`);
  }
  checkUrl(params.success_url, 'success_url');
  if (params.cancel_url !== undefined) checkUrl(params.cancel_url, 'cancel_url');
  if (params.customer_email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(params.customer_email)) {
    throw parameterInvalid('customer_email', `Invalid email address: ${params.customer_email}`, 'email_invalid');
  }

  const createdSec = unixSeconds();
  const expiresAtSec = params.expires_at ?? createdSec + MAX_EXPIRY_SEC;
  // "The Epoch time in seconds at which the Checkout Session will expire. It can be anywhere
  // from 30 minutes to 24 hours after Checkout Session creation." (stripe@23 SessionCreateParams)
  if (expiresAtSec - createdSec < MIN_EXPIRY_SEC) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
    );
  }
  if (expiresAtSec - createdSec > MAX_EXPIRY_SEC) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
    );
  }

  if (params.line_items.length === 0)
    throw parameterInvalid('line_items', 'line_items must contain at least one item in payment mode.');
  const lineItems: LineItemRecord[] = params.line_items.map((item, index) => {
    const at = `line_items[${index}]`;
    if (item.price !== undefined) throw resourceMissing('price', item.price, `${at}[price]`);
    const priceData = item.price_data;
    if (!priceData)
      throw invalidRequest(`You must specify either \`price\` or \`price_data\` for each line item.`, {
        param: at,
        code: 'parameter_missing',
      });
    if (priceData.unit_amount === undefined)
      throw invalidRequest(`Missing required param: ${at}[price_data][unit_amount].`, {
        param: `${at}[price_data][unit_amount]`,
        code: 'parameter_missing',
      });
    if (!priceData.product_data)
      throw invalidRequest(`Missing required param: ${at}[price_data][product_data].`, {
        param: `${at}[price_data][product_data]`,
        code: 'parameter_missing',
      });
    if (!/^[a-z]{3}$/.test(priceData.currency))
      throw parameterInvalid(`${at}[price_data][currency]`, `Invalid currency: ${priceData.currency}`);
    return {
      id: newId.lineItem(),
      priceId: newId.price(),
      productId: newId.product(),
      name: priceData.product_data.name,
      description: priceData.product_data.description ?? null,
      images: priceData.product_data.images ?? [],
      productMetadata: priceData.product_data.metadata ?? {},
      currency: priceData.currency,
      unitAmount: priceData.unit_amount,
      quantity: item.quantity,
    };
  });
  const currency = lineItems[0]?.currency ?? 'eur';
  const otherCurrency = lineItems.findIndex((item) => item.currency !== currency);
  if (otherCurrency !== -1) {
    throw parameterInvalid(
      `line_items[${otherCurrency}][price_data][currency]`,
      'All line items must use the same currency.',
    );
  }
  const amount = lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  if (amount < MIN_AMOUNT_CENTS) {
    throw invalidRequest(`The Checkout Session's total amount due must add up to at least €0.50 ${currency}`, {
      code: 'amount_too_small',
    });
  }
  if (amount > MAX_AMOUNT_CENTS) {
    throw invalidRequest(`The Checkout Session's total amount due must be no more than €999,999.99 ${currency}`, {
      code: 'amount_too_large',
    });
  }

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

export function expireIfDue(ctx: EmulatorContext, session: SessionRecord, nowSec: number = unixSeconds()): void {
  if (session.status === 'open' && nowSec >= session.expiresAtSec) markExpired(ctx, session, null);
}

function markExpired(ctx: EmulatorContext, session: SessionRecord, request: RequestInfo | null): void {
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

function lineItemList(session: SessionRecord, expandProduct: boolean): Record<string, unknown> {
  return {
    object: 'list',
    data: session.lineItems.map((item) => ({
      id: item.id,
      object: 'item',
      amount_discount: 0,
      amount_subtotal: item.unitAmount * item.quantity,
      amount_tax: 0,
      amount_total: item.unitAmount * item.quantity,
      currency: item.currency,
      description: item.name,
      price: {
        id: item.priceId,
        object: 'price',
        active: false,
        billing_scheme: 'per_unit',
        created: session.createdSec,
        currency: item.currency,
        custom_unit_amount: null,
        livemode: false,
        lookup_key: null,
        metadata: {},
        nickname: null,
        product: expandProduct
          ? {
              id: item.productId,
              object: 'product',
              active: false,
              created: session.createdSec,
              description: item.description,
              images: item.images,
              livemode: false,
              metadata: item.productMetadata,
              name: item.name,
              updated: session.createdSec,
            }
          : item.productId,
        recurring: null,
        tax_behavior: 'unspecified',
        tiers_mode: null,
        transform_quantity: null,
        type: 'one_time',
        unit_amount: item.unitAmount,
        unit_amount_decimal: String(item.unitAmount),
      },
      quantity: item.quantity,
    })),
    has_more: false,
    url: `/v1/checkout/sessions/${session.id}/line_items`,
  };
}

/** The wire shape of a Session (2026-10-28.endive fields the shop may read; see the spec fixture). */
export function serializeSession(
  ctx: EmulatorContext,
  session: SessionRecord,
  expand: readonly string[] = [],
): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: session.id,
    object: 'checkout.session',
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: session.amountSubtotal,
    amount_total: session.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: session.createdSec,
    currency: session.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: 'if_required',
    customer_details: session.customerDetails
      ? {
          address: null,
          email: session.customerDetails.email,
          name: session.customerDetails.name,
          phone: null,
          tax_exempt: 'none',
          tax_ids: [],
        }
      : null,
    customer_email: session.customerEmail,
    discounts: [],
    expires_at: session.expiresAtSec,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: session.locale,
    metadata: session.metadata,
    mode: 'payment',
    payment_intent: session.paymentIntentId,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: session.paymentStatus,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: session.status,
    submit_type: null,
    subscription: null,
    success_url: session.successUrl,
    tax_id_collection: { enabled: false, required: 'never' },
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: session.status === 'open' ? `${ctx.publicBaseUrl}/pay/${session.id}` : null,
  };
  if (expand.includes('line_items') || expand.includes('line_items.data.price.product')) {
    wire.line_items = lineItemList(session, expand.includes('line_items.data.price.product'));
  }
  return wire;
}

export function successRedirectUrl(session: SessionRecord): string {
  return session.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}
