// The one place an order is priced: cart, checkout, e-mails and staff screens all call priceOrder.
import { failureFromIssues, type PricingResult } from './errors';
import { discountMovedToShippingNote, LEGAL_NOTE_TEXTS, type LegalNote } from './legal';
import { priceLine, type PricedLine } from './line-price';
import { OrderInputSchema, type CustomerKind, type DeliveryMethod, type ParsedOrder } from './schemas';
import { assertValidShippingTable, quoteShipping, type ShippingQuote, type ShippingTable } from './shipping';
import { buildVatBreakdown, type VatBreakdownEntry } from './vat';

export type OrderTotals = {
  /** Goods at their reference price (publisher's or shop's), before discounts. */
  goodsBeforeDiscountCents: number;
  /** Discounts granted on goods (excludes the discount moved to shipping). */
  goodsDiscountCents: number;
  goodsCents: number;
  /** New books only, after discounts: the base of the legal 35 € threshold. */
  newBookAmountCents: number;
  shippingCents: number;
  totalExclVatCents: number;
  totalVatCents: number;
  /** What the customer pays. */
  totalInclVatCents: number;
};

export type PricedOrder = {
  customerKind: CustomerKind;
  deliveryMethod: DeliveryMethod;
  lines: PricedLine[];
  shipping: ShippingQuote;
  vat: VatBreakdownEntry[];
  totals: OrderTotals;
  legalNotes: LegalNote[];
};

/** The shop's configuration, passed in: pricing reads no settings of its own. */
export type PriceOrderOptions = { shippingTable: ShippingTable };

const sum = (values: readonly number[]): number => values.reduce((acc, value) => acc + value, 0);

/** Validates `input` (unknown: it may come from a form or a request) and prices it. */
export function priceOrder(input: unknown, options: PriceOrderOptions): PricingResult<{ order: PricedOrder }> {
  const { shippingTable } = options;
  assertValidShippingTable(shippingTable);

  const parsed = OrderInputSchema.safeParse(input);
  if (!parsed.success) return failureFromIssues(parsed.error.issues);
  const order = parsed.data;

  const lines: PricedLine[] = [];
  for (const line of order.lines) {
    const priced = priceLine(line, {
      customerKind: order.customerKind,
      deliveryMethod: order.deliveryMethod,
      shopDiscountBasisPoints: order.shopDiscountBasisPoints,
    });
    if (!priced.ok) return priced;
    lines.push(priced.line);
  }

  const newBookLines = lines.filter((line) => line.fixedPrice);
  const goodsCents = sum(lines.map((line) => line.lineTotalCents));
  const newBookAmountCents = sum(newBookLines.map((line) => line.lineTotalCents));

  const shipping = quoteShipping(shippingTable, {
    method: order.deliveryMethod,
    customerKind: order.customerKind,
    hasNewBooks: newBookLines.length > 0,
    newBookAmountCents,
    goodsAmountCents: goodsCents,
    movableDiscountCents: sum(lines.map((line) => line.movedToShippingCents)),
  });

  const goodsByRate = new Map<number, number>();
  for (const line of lines) {
    goodsByRate.set(line.vatRateBasisPoints, (goodsByRate.get(line.vatRateBasisPoints) ?? 0) + line.lineTotalCents);
  }
  const vat = buildVatBreakdown(goodsByRate, shipping.totalCents);

  return {
    ok: true,
    order: {
      customerKind: order.customerKind,
      deliveryMethod: order.deliveryMethod,
      lines,
      shipping,
      vat,
      totals: {
        goodsBeforeDiscountCents: sum(lines.map((line) => line.referencePriceCents * line.quantity)),
        goodsDiscountCents: sum(lines.map((line) => line.lineDiscountCents)),
        goodsCents,
        newBookAmountCents,
        shippingCents: shipping.totalCents,
        totalExclVatCents: sum(vat.map((entry) => entry.baseExclVatCents)),
        totalVatCents: sum(vat.map((entry) => entry.vatCents)),
        totalInclVatCents: goodsCents + shipping.totalCents,
      },
      legalNotes: selectLegalNotes(order, lines, shipping),
    },
  };
}

function selectLegalNotes(order: ParsedOrder, lines: readonly PricedLine[], shipping: ShippingQuote): LegalNote[] {
  const notes: LegalNote[] = [];
  const add = (code: keyof typeof LEGAL_NOTE_TEXTS) => notes.push({ code, text: LEGAL_NOTE_TEXTS[code] });
  const hasNewBooks = lines.some((line) => line.fixedPrice);
  const isInstitution = order.customerKind !== 'individual';

  if (hasNewBooks) add('FIXED_BOOK_PRICE');
  if (hasNewBooks && isInstitution) add('INSTITUTION_DISCOUNT');
  if (hasNewBooks && !isInstitution && order.deliveryMethod === 'home_delivery') add('SHIPPED_BOOKS_FULL_PRICE');
  if (shipping.discountCents > 0) notes.push(discountMovedToShippingNote(shipping.discountCents));
  if (shipping.legalMinimumCents !== null) add('MIN_SHIPPING_FEE');
  if (hasNewBooks && order.deliveryMethod === 'shop_pickup') add('SHOP_PICKUP');
  if (lines.some((line) => line.product === 'book' && line.condition === 'used')) add('USED_BOOKS');
  add('VAT');
  return notes;
}
