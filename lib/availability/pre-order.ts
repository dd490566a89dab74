import type { BusinessDayRange } from './availability-state';
import { estimateDeliveryWindow, type DeliveryWindow } from './delivery-window';
import { isoDay, toParisDay } from './paris-calendar';

// A forthcoming title (ONIX code list 65, codes 10–12) is sold as a pre-order: paid at the
// order, its copies leave the shop once the distributor delivers them, that is its lead time in
// business days after the publication date. docs/decisions/023-pre-orders.md

/**
 * The publication date, when it is still to come (today included) in Europe/Paris; null when it
 * is missing, invalid or past: the distributor's data is stale and the book is then sold as a
 * book to order (its lead time counted from the order).
 */
export function forthcomingDate(publishedOn: Date | null | undefined, now: Date): Date | null {
  if (!publishedOn || Number.isNaN(publishedOn.getTime())) return null;
  return isoDay(toParisDay(publishedOn).day) < isoDay(toParisDay(now).day) ? null : publishedOn;
}

export type PreOrderWindowInput = {
  /** The publication date (Book.expectedOn, a date-only column). */
  publishedOn: Date | null;
  /** The distributor's lead time in business days; null when unknown (no estimate). */
  leadTime: BusinessDayRange | null;
  now: Date;
  transit?: BusinessDayRange;
  cutoffHour?: number;
};

/**
 * When pre-ordered copies should arrive: the publication date plus the distributor's lead time
 * in business days, plus the carrier's transit. A past or missing date falls back to what a book
 * to order shows: the lead time counted from the order. Null without a lead time.
 */
export function preOrderDeliveryWindow(input: PreOrderWindowInput): DeliveryWindow | null {
  if (!input.leadTime) return null;
  return estimateDeliveryWindow({
    now: input.now,
    shipWithin: input.leadTime,
    transit: input.transit,
    cutoffHour: input.cutoffHour,
    startOn: forthcomingDate(input.publishedOn, input.now),
  });
}
