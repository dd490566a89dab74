// A Checkout Session's line items: built from `line_items[i][price_data]` at creation, and their
// wire shape (https://docs.stripe.com/api/checkout/sessions/line_items).
import { invalidRequest, parameterInvalid, resourceMissing } from './errors';
import { newId } from './ids';
import type { CreateSessionInput } from './session-params';
import type { LineItemRecord, SessionRecord } from './store';

// Stripe's minimum charge for EUR (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
const MIN_AMOUNT_CENTS = 50;
const MAX_AMOUNT_CENTS = 99_999_999;

/** The records of the requested line items, their one currency and their total, checked as Stripe does. */
export function lineItemsFrom(items: CreateSessionInput['line_items']): {
  lineItems: LineItemRecord[];
  currency: string;
  amount: number;
} {
  if (items.length === 0)
    throw parameterInvalid('line_items', 'line_items must contain at least one item in payment mode.');
  const lineItems: LineItemRecord[] = items.map((item, index) => {
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
  return { lineItems, currency, amount };
}

export function lineItemList(session: SessionRecord, expandProduct: boolean): Record<string, unknown> {
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
