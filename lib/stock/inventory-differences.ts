// An inventory count against the ledger: for each book, what was counted, what the ledger says
// is on hand at the moment of validation (sales made during the count are already out of it),
// and the difference that becomes an INVENTORY movement. Pure.

export type CountScope = 'counted_books' | 'whole_shop';

export type CountedStock = {
  bookId: number;
  /** Null: nobody counted it (only books with copies on hand come here, for a whole-shop count). */
  counted: number | null;
  onHand: number;
  /** Copies held by unpaid orders: still on the shelf, so they must have been counted. */
  held: number;
};

export type CountDifference = { bookId: number; counted: number; onHand: number; difference: number };

export type CountCheck =
  | { ok: true; differences: CountDifference[] }
  | { ok: false; heldShortfalls: { bookId: number; counted: number; held: number }[] };

/**
 * The adjustments a count makes. Books not counted are left alone in a partial count and are
 * counted as zero in a whole-shop count. A book counted below the copies held for readers who are
 * paying cannot be validated yet (the ledger cannot give away copies already promised): the
 * count waits for those payments to end, a few minutes at most.
 */
export function checkCount(scope: CountScope, stock: readonly CountedStock[]): CountCheck {
  const differences: CountDifference[] = [];
  const heldShortfalls: { bookId: number; counted: number; held: number }[] = [];
  for (const book of stock) {
    if (book.counted === null && scope === 'counted_books') continue;
    const counted = book.counted ?? 0;
    if (counted < book.held) heldShortfalls.push({ bookId: book.bookId, counted, held: book.held });
    if (counted !== book.onHand)
      differences.push({ bookId: book.bookId, counted, onHand: book.onHand, difference: counted - book.onHand });
  }
  if (heldShortfalls.length > 0) return { ok: false, heldShortfalls };
  differences.sort((a, b) => a.bookId - b.bookId);
  return { ok: true, differences };
}
