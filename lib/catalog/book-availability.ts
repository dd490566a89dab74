import {
  deriveAvailability,
  type Availability,
  type AvailabilityInput,
  type BusinessDayRange,
} from '@/lib/availability';
import { SHOP } from '@/lib/shop/config';

// The one place where a book's stored facts (its supplier's ONIX availability code, lead time
// and expected date, and the copies on hand) feed lib/availability. The cart, checkout,
// payment, catalog, seed and import all read availability through these functions.

/** What the distributor says of a book, as lib/data selects it (SUPPLY_FACTS_SELECT). */
export type BookSupplyFacts = {
  supplierAvailabilityCode: string | null;
  expectedOn: Date | null;
  supplier: { leadTimeMinDays: number; leadTimeMaxDays: number } | null;
};

export type BookAvailabilityFacts = BookSupplyFacts & { stock: { onHand: number } | null };

/** A supplier's code means nothing without the supplier: no supplier, no code. */
export function availabilityInput(facts: BookSupplyFacts, onHand: number, now?: Date): AvailabilityInput {
  return {
    onHand,
    supplierCode: facts.supplier ? facts.supplierAvailabilityCode : null,
    supplierLeadTime: facts.supplier
      ? { minDays: facts.supplier.leadTimeMinDays, maxDays: facts.supplier.leadTimeMaxDays }
      : null,
    expectedDate: facts.expectedOn,
    inStockShipDays: SHOP.inStockShipDays,
    now,
  };
}

/**
 * What a reader sees of the book: "En stock", "Expédié sous 6 à 10 jours", "Parution le
 * 15/01/2027"… `now` hides a publication date already past (the stored state never needs it).
 */
export function describeBookAvailability(facts: BookAvailabilityFacts, now?: Date): Availability {
  return deriveAvailability(availabilityInput(facts, facts.stock?.onHand ?? 0, now));
}

/** What the reader would see if the shop had no copy left: the distributor's side alone. */
export function fromSupplierAlone(facts: BookSupplyFacts, now?: Date): Availability {
  return deriveAvailability(availabilityInput(facts, 0, now));
}

/**
 * Whether the distributor can supply copies beyond the shelf (to order, pre-order).
 * Out of print, reprinting or no supplier: no.
 */
export function supplierCanSupply(facts: BookSupplyFacts): boolean {
  return fromSupplierAlone(facts).orderable;
}

/**
 * Business days before copies ordered from the distributor can leave the shop (after the
 * publication date for a pre-order: supplierPublishedOn); null when unknown.
 */
export function supplierShipWithin(facts: BookSupplyFacts, now?: Date): BusinessDayRange | null {
  const alone = fromSupplierAlone(facts, now);
  return alone.state === 'to_order' || alone.state === 'pre_order' ? alone.shipWithin : null;
}

/** A pre-order's publication date, still to come on `now`: copies from the distributor wait for it. */
export function supplierPublishedOn(facts: BookSupplyFacts, now: Date): Date | null {
  return fromSupplierAlone(facts, now).publishedOn ?? null;
}
