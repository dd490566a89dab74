import { estimateDeliveryWindow, type BusinessDayRange } from '@/lib/availability';
import { supplierShipWithin, type BookSupplyFacts } from '@/lib/catalog/book-availability';
import type { DeliveryMethod } from '@/lib/pricing';
import { SHOP } from '@/lib/shop/config';
import type { Allocation } from './allocation';

/**
 * Business days before a line can leave the shop: the shop's in-stock delay for copies on the
 * shelf, the distributor's lead time as soon as one copy comes from it. Null for a title not yet
 * published (it ships on publication, not within a number of days).
 */
export function lineShipWithin(allocation: Allocation, facts: BookSupplyFacts): BusinessDayRange | null {
  if (allocation.backorder === 0) return { minDays: 0, maxDays: SHOP.inStockShipDays };
  return supplierShipWithin(facts);
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
) {
  if (!shipWithin) return null;
  const window = estimateDeliveryWindow({
    now,
    shipWithin,
    transit: method === 'home_delivery' ? SHOP.transitDays : { minDays: 0, maxDays: 0 },
    cutoffHour,
  });
  return method === 'home_delivery'
    ? window
    : { ...window, label: window.label.replace('Livraison estimée', 'Retrait en librairie possible') };
}
