import { deriveAvailability, type Availability, type AvailabilityInput } from '@/lib/availability';
import { SHOP } from '@/lib/shop/config';

// The stored facts of a book, as lib/data reads them, turned into what a reader sees.
export type BookAvailabilityFacts = {
  supplierAvailabilityCode: string | null;
  expectedOn: Date | null;
  stock: { onHand: number } | null;
  supplier: { leadTimeMinDays: number; leadTimeMaxDays: number } | null;
};

export function availabilityInput(facts: BookAvailabilityFacts): AvailabilityInput {
  return {
    onHand: facts.stock?.onHand ?? 0,
    supplierCode: facts.supplier ? facts.supplierAvailabilityCode : null,
    supplierLeadTime: facts.supplier
      ? { minDays: facts.supplier.leadTimeMinDays, maxDays: facts.supplier.leadTimeMaxDays }
      : null,
    expectedDate: facts.expectedOn,
    inStockShipDays: SHOP.inStockShipDays,
  };
}

export function describeBookAvailability(facts: BookAvailabilityFacts): Availability {
  return deriveAvailability(availabilityInput(facts));
}
