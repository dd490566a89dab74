import { estimateDeliveryWindow, formatDeliveryLabel, type BusinessDayRange } from '@/lib/availability';
import { supplierPublishedOn, supplierShipWithin, type BookSupplyFacts } from '@/lib/catalog/book-availability';
import type { DeliveryMethod } from '@/lib/pricing';
import { SHOP } from '@/lib/shop/config';
import type { Allocation } from './allocation';

/**
 * Business days before a line can leave the shop: the shop's in-stock delay for copies on the
 * shelf, the distributor's lead time as soon as one copy comes from it (counted from the
 * publication date for a pre-order: linePublishedOn). Null when the lead time is unknown.
 */
export function lineShipWithin(allocation: Allocation, facts: BookSupplyFacts, now?: Date): BusinessDayRange | null {
  if (allocation.backorder === 0) return { minDays: 0, maxDays: SHOP.inStockShipDays };
  return supplierShipWithin(facts, now);
}

/** A pre-order line: copies from the distributor of a title still to be published, on this day. */
export function linePublishedOn(allocation: Allocation, facts: BookSupplyFacts, now: Date): Date | null {
  return allocation.backorder > 0 ? supplierPublishedOn(facts, now) : null;
}

export type LinePlan = { shipWithin: BusinessDayRange | null; publishedOn: Date | null };

/**
 * One parcel: the order arrives when its slowest line can, each line counted from the order (or
 * from its publication date, for a pre-order). Null when a line has no estimate.
 */
export function orderWindowOfPlans(plans: LinePlan[], method: DeliveryMethod, now: Date, cutoffHour: number) {
  const window = orderWindowOfLines(
    plans.map((plan) => orderDeliveryWindow(plan.shipWithin, method, now, cutoffHour, plan.publishedOn)),
  );
  if (!window) return null;
  const label = formatDeliveryLabel(window.earliest, window.latest);
  return {
    ...window,
    label: method === 'home_delivery' ? label : label.replace('Livraison estimée', 'Retrait en librairie possible'),
  };
}

/** One parcel: the order leaves when its slowest line can. */
export function orderShipWithin(lines: (BusinessDayRange | null)[]): BusinessDayRange | null {
  if (lines.length === 0 || lines.some((line) => line === null)) return null;
  const ranges = lines as BusinessDayRange[];
  return {
    minDays: Math.max(...ranges.map((r) => r.minDays)),
    maxDays: Math.max(...ranges.map((r) => r.maxDays)),
  };
}

/**
 * "Livraison estimée entre …" for home delivery; pickup counts no carrier transit. `cutoffHour`
 * is the shop's setting (orders after it count from the next business day).
 */
export function orderDeliveryWindow(
  shipWithin: BusinessDayRange | null,
  method: DeliveryMethod,
  now: Date,
  cutoffHour: number,
  startOn: Date | null = null,
) {
  if (!shipWithin) return null;
  const window = estimateDeliveryWindow({
    now,
    shipWithin,
    transit: method === 'home_delivery' ? SHOP.transitDays : { minDays: 0, maxDays: 0 },
    cutoffHour,
    startOn,
  });
  return method === 'home_delivery'
    ? window
    : { ...window, label: window.label.replace('Livraison estimée', 'Retrait en librairie possible') };
}

export type LineDelay = {
  shipWithinMinDays: number;
  shipWithinMaxDays: number;
  /** The day the distributor announced for the awaited copies, when it gave one. */
  supplierExpectedOn?: Date | null;
  /** A pre-order's publication date: its delay counts from then. */
  preOrderPublishedOn?: Date | null;
};

/**
 * A line's own estimate: from the day the order was paid, over the line's delay (the shelf's, or
 * the distributor's lead time); from the day the distributor announced, once it gave one: the
 * copies then leave within the shop's in-stock delay, as from the shelf. A date-only column is
 * midnight UTC, the small hours in Paris: before any cut-off, so that day counts.
 */
export function lineDeliveryWindow(line: LineDelay, method: DeliveryMethod, orderedAt: Date, cutoffHour: number) {
  if (line.supplierExpectedOn)
    return orderDeliveryWindow(
      { minDays: 0, maxDays: SHOP.inStockShipDays },
      method,
      line.supplierExpectedOn,
      cutoffHour,
    );
  return orderDeliveryWindow(
    { minDays: line.shipWithinMinDays, maxDays: line.shipWithinMaxDays },
    method,
    orderedAt,
    cutoffHour,
    line.preOrderPublishedOn ?? null,
  );
}

/** One parcel: the order arrives when its slowest line can; no estimate when a line has none. */
export function orderWindowOfLines(
  windows: ({ earliest: Date; latest: Date } | null)[],
): { earliest: Date; latest: Date } | null {
  if (windows.length === 0 || windows.some((window) => window === null)) return null;
  const known = windows as { earliest: Date; latest: Date }[];
  const latestOf = (days: Date[]) => new Date(Math.max(...days.map((day) => day.getTime())));
  return { earliest: latestOf(known.map((w) => w.earliest)), latest: latestOf(known.map((w) => w.latest)) };
}
