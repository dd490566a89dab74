import type { AvailabilityState } from '@/lib/availability';
import { fromSupplierAlone } from './book-availability';

// A book may come from several distributors (one ONIX feed each). Each keeps its own supply
// (BookSupply); the book shows, and the buying path orders from, the best of them, copied to
// Book.supplierId / supplierAvailabilityCode / expectedOn. Decision record:
// docs/decisions/010-supplies-search-and-listings-at-scale.md

export type SupplyFacts = {
  supplierId: number;
  /** ONIX code list 65. */
  availabilityCode: string;
  expectedOn: Date | null;
  leadTime: { minDays: number; maxDays: number };
};

// What a reader gets when the shop has no copy: the first state is the best.
const STATE_RANK: Record<Exclude<AvailabilityState, 'in_stock'>, number> = {
  to_order: 0,
  pre_order: 1,
  reprinting: 2,
  out_of_print: 3,
  unavailable: 4,
};

type Ranked = { supply: SupplyFacts; key: number[] };

function rank(supply: SupplyFacts): Ranked {
  const availability = fromSupplierAlone({
    supplierAvailabilityCode: supply.availabilityCode,
    expectedOn: supply.expectedOn,
    supplier: { leadTimeMinDays: supply.leadTime.minDays, leadTimeMaxDays: supply.leadTime.maxDays },
  });
  const state = availability.state === 'in_stock' ? 'to_order' : availability.state;
  const expected = supply.expectedOn?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return {
    supply,
    key: [
      STATE_RANK[state],
      // To order: the fastest distributor; pre-order: the earliest date.
      availability.shipWithin?.maxDays ?? 0,
      availability.shipWithin?.minDays ?? 0,
      state === 'pre_order' ? expected : 0,
      // Same promise: the lowest supplier id, so the choice does not depend on the feeds' order.
      supply.supplierId,
    ],
  };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The supply that promises the reader the most: orderable before forthcoming, forthcoming
 * before reprinting, out of print, unavailable; then the shortest lead time or the earliest
 * date. Null when the book has no supply.
 */
export function chooseBestSupply(supplies: readonly SupplyFacts[]): SupplyFacts | null {
  let best: Ranked | null = null;
  for (const supply of supplies) {
    const ranked = rank(supply);
    if (best === null || compareKeys(ranked.key, best.key) < 0) best = ranked;
  }
  return best?.supply ?? null;
}
