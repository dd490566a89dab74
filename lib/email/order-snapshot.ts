import { z } from 'zod';
import { isoDay } from '@/lib/availability';
import { lineDeliveryWindow } from '@/lib/orders/delivery-plan';
import { buildVatBreakdown } from '@/lib/pricing/vat';
import type { EmailOrder } from './payload';

// An order as its e-mails show it (payload.ts), from the database's columns. Pure: lib/data reads
// the row (ORDER_SNAPSHOT_SELECT in lib/data/customer-mail/order-emails.ts) and passes it here.

export type OrderSnapshotInput = {
  reference: string;
  fullName: string;
  email: string;
  deliveryMethod: 'home_delivery' | 'shop_pickup';
  createdAt: Date;
  paidAt: Date | null;
  /** The terms accepted (lib/terms/version.ts); absent for orders before they were versioned. */
  termsVersion?: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  goodsCents: number;
  shippingCents: number;
  totalCents: number;
  deliveryEarliestOn: Date | null;
  deliveryLatestOn: Date | null;
  /** lib/pricing's result as stored with the order: its VAT breakdown is reused as it was computed. */
  pricing: unknown;
  lines: {
    title: string;
    ean: string;
    quantity: number;
    unitPriceCents: number;
    lineTotalCents: number;
    vatRateBasisPoints: number;
    backorderQuantity: number;
    shipWithinMinDays: number;
    shipWithinMaxDays: number;
    supplierExpectedOn?: Date | null;
    preOrderPublishedOn?: Date | null;
  }[];
};

const StoredVatSchema = z.object({
  vat: z.array(
    z.object({
      rateBasisPoints: z.number().int(),
      baseExclVatCents: z.number().int(),
      vatCents: z.number().int(),
      inclVatCents: z.number().int(),
    }),
  ),
});

function vatOf(order: OrderSnapshotInput): EmailOrder['vat'] {
  const stored = StoredVatSchema.safeParse(order.pricing);
  if (stored.success)
    return stored.data.vat.map(({ rateBasisPoints, baseExclVatCents, vatCents, inclVatCents }) => ({
      rateBasisPoints,
      baseExclVatCents,
      vatCents,
      inclVatCents,
    }));
  // An order without its pricing (older rows): the same breakdown, from its lines.
  const goodsByRate = new Map<number, number>();
  for (const line of order.lines)
    goodsByRate.set(line.vatRateBasisPoints, (goodsByRate.get(line.vatRateBasisPoints) ?? 0) + line.lineTotalCents);
  return buildVatBreakdown(goodsByRate, order.shippingCents).map(
    ({ rateBasisPoints, baseExclVatCents, vatCents, inclVatCents }) => ({
      rateBasisPoints,
      baseExclVatCents,
      vatCents,
      inclVatCents,
    }),
  );
}

const dayOrNull = (date: Date | null) => (date ? isoDay(date) : null);

/** `cutoffHour`: the shop's order cut-off (its settings), as the order's own window counted it. */
export function emailOrderOf(order: OrderSnapshotInput, cutoffHour: number): EmailOrder {
  const orderedAt = order.paidAt ?? order.createdAt;
  return {
    reference: order.reference,
    fullName: order.fullName,
    email: order.email,
    deliveryMethod: order.deliveryMethod,
    orderedAt: order.createdAt.toISOString(),
    termsVersion: order.termsVersion ?? null,
    lines: order.lines.map((line) => {
      // Each line its own estimate: the shelf's delay, the distributor's, or the day it announced.
      const window = lineDeliveryWindow(line, order.deliveryMethod, orderedAt, cutoffHour);
      return {
        title: line.title,
        ean: line.ean,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: line.lineTotalCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        backorderQuantity: line.backorderQuantity,
        deliveryEarliestOn: window ? isoDay(window.earliest) : null,
        deliveryLatestOn: window ? isoDay(window.latest) : null,
        preOrderPublishedOn: line.preOrderPublishedOn ? isoDay(line.preOrderPublishedOn) : null,
      };
    }),
    goodsCents: order.goodsCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    vat: vatOf(order),
    deliveryEarliestOn: dayOrNull(order.deliveryEarliestOn),
    deliveryLatestOn: dayOrNull(order.deliveryLatestOn),
    address:
      order.deliveryMethod === 'home_delivery' && order.addressLine1 && order.postalCode && order.city
        ? { line1: order.addressLine1, line2: order.addressLine2, postalCode: order.postalCode, city: order.city }
        : null,
  };
}
