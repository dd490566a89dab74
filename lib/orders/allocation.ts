// How the copies of an order line are supplied: from the shop's shelf first, then from the
// distributor when the book can be ordered there. Pure: the data layer supplies the figures
// under a row lock and writes the result in the same transaction.

export const MAX_QUANTITY_PER_LINE = 99;

export type SupplyFacts = {
  /** Copies on hand not held by another order: onHand - reserved (after releasing expired holds). */
  available: number;
  /** The distributor can supply more (to order, pre-order). */
  supplierCanSupply: boolean;
};

export type Allocation = { fromStock: number; backorder: number };

export type SupplyProblem = { code: 'NOT_ENOUGH_COPIES'; available: number } | { code: 'NOT_ORDERABLE' };

/** The most copies a reader may put in the cart for this book right now. */
export function supplyLimit(facts: SupplyFacts): number {
  return facts.supplierCanSupply
    ? MAX_QUANTITY_PER_LINE
    : Math.min(Math.max(facts.available, 0), MAX_QUANTITY_PER_LINE);
}

export function allocate(
  quantity: number,
  facts: SupplyFacts,
): { ok: true; allocation: Allocation } | { ok: false; problem: SupplyProblem } {
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  const fromStock = Math.min(Math.max(facts.available, 0), quantity);
  const rest = quantity - fromStock;
  if (rest === 0) return { ok: true, allocation: { fromStock, backorder: 0 } };
  if (facts.supplierCanSupply) return { ok: true, allocation: { fromStock, backorder: rest } };
  return {
    ok: false,
    problem:
      facts.available > 0 ? { code: 'NOT_ENOUGH_COPIES', available: facts.available } : { code: 'NOT_ORDERABLE' },
  };
}

/** French message for a reader, e.g. "Plus que 2 exemplaires disponibles". */
export function supplyProblemMessage(problem: SupplyProblem, title: string): string {
  if (problem.code === 'NOT_ORDERABLE') return `« ${title} » n’est plus disponible.`;
  return problem.available === 1
    ? `Plus qu’un exemplaire disponible de « ${title} ».`
    : `Plus que ${problem.available} exemplaires disponibles de « ${title} ».`;
}
