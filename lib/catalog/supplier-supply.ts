import { deriveAvailability } from '@/lib/availability';

/**
 * Whether the distributor can supply copies beyond the shelf: what the reader would see if the
 * shop had none (to order, pre-order). Out of print, reprinting or no supplier: no.
 */
export function supplierCanSupply(facts: {
  supplierAvailabilityCode: string | null;
  expectedOn: Date | null;
  supplier: { leadTimeMinDays: number; leadTimeMaxDays: number } | null;
}): boolean {
  if (!facts.supplier) return false;
  const whenNoneOnHand = deriveAvailability({
    onHand: 0,
    supplierCode: facts.supplierAvailabilityCode,
    supplierLeadTime: { minDays: facts.supplier.leadTimeMinDays, maxDays: facts.supplier.leadTimeMaxDays },
    expectedDate: facts.expectedOn,
  });
  return whenNoneOnHand.orderable;
}
