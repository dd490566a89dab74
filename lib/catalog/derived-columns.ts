import type { AvailabilityState } from '@/lib/availability';
import { describeBookAvailability } from './book-availability';
import { bookSearchText, bookSortTitle } from './book-derived';
import { chooseBestSupply, type SupplyFacts } from './book-supply';

// The columns of Book derived from its other data, as the ONIX import and the synthetic
// benchmark catalog write them. The only place those two call lib/catalog/book-derived.ts.

export type BookColumnInputs = {
  title: string;
  subtitle: string | null;
  contributorNames: string[];
  publisherName: string;
  collectionName: string | null;
  onHand: number;
  supplies: readonly SupplyFacts[];
};

export type DerivedBookColumns = {
  searchText: string;
  sortTitle: string;
  supplierId: number | null;
  supplierAvailabilityCode: string | null;
  expectedOn: Date | null;
  availability: AvailabilityState;
};

export function derivedBookColumns(input: BookColumnInputs): DerivedBookColumns {
  return {
    searchText: bookSearchText(input),
    sortTitle: bookSortTitle(input.title),
    ...supplyColumns(input.onHand, input.supplies),
  };
}

/** Book's supplier columns and availability from its supplies: after any change of them. */
export function supplyColumns(
  onHand: number,
  supplies: readonly SupplyFacts[],
): Pick<DerivedBookColumns, 'supplierId' | 'supplierAvailabilityCode' | 'expectedOn' | 'availability'> {
  const best = chooseBestSupply(supplies);
  return {
    supplierId: best?.supplierId ?? null,
    supplierAvailabilityCode: best?.availabilityCode ?? null,
    expectedOn: best?.expectedOn ?? null,
    availability: describeBookAvailability({
      supplierAvailabilityCode: best?.availabilityCode ?? null,
      expectedOn: best?.expectedOn ?? null,
      supplier: best ? { leadTimeMinDays: best.leadTime.minDays, leadTimeMaxDays: best.leadTime.maxDays } : null,
      stock: { onHand },
    }).state,
  };
}
