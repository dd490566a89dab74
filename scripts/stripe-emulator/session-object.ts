// The Checkout Session object as the API returns it: https://docs.stripe.com/api/checkout/sessions/object
import type { EmulatorContext } from './context';
import { lineItemList } from './session-line-items';
import type { SessionRecord } from './store';

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
