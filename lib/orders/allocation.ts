// How the copies of an order line are supplied: from the shop's shelf first, then from the
// distributor when the book can be ordered there. Pure: the data layer supplies the figures
// under a row lock and writes the result in the same transaction.
import { SHOP } from '@/lib/shop/config';
import { failure, type Result } from '@/lib/core/result';

/**
 * Copies a reader can still buy: on the shelf and not held for an unpaid order. The one
 * definition, used by the cart, checkout, payment and the staff's stock screens.
 */
export function availableCopies(stock: { onHand: number; held: number } | null | undefined): number {
  return Math.max((stock?.onHand ?? 0) - (stock?.held ?? 0), 0);
}

/**
 * The most copies any order line may hold: a bound on what staff type (refunds, counts). Readers
 * are capped lower, by SHOP.maxCopiesPerBook.
 */
export const MAX_QUANTITY_PER_LINE = 99;

export type SupplyFacts = {
  /** The book's title, for the reader's message. */
  title: string;
  /** availableCopies(), read under the stock row's lock (after releasing expired holds). */
  available: number;
  /** The distributor can supply more (to order, pre-order): supplierCanSupply(). */
  supplierCanSupply: boolean;
};

export type Allocation = { fromStock: number; backorder: number };

export type SupplyProblemCode = 'NOT_ENOUGH_COPIES' | 'NOT_ORDERABLE';

/** The most copies a reader may put in the cart for this book right now (the shop's cap, or what is left). */
export function supplyLimit(
  facts: Pick<SupplyFacts, 'available' | 'supplierCanSupply'>,
  maxCopiesPerBook: number = SHOP.maxCopiesPerBook,
): number {
  return facts.supplierCanSupply ? maxCopiesPerBook : Math.min(Math.max(facts.available, 0), maxCopiesPerBook);
}

export function allocate(quantity: number, facts: SupplyFacts): Result<{ allocation: Allocation }, SupplyProblemCode> {
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  const available = Math.max(facts.available, 0);
  const fromStock = Math.min(available, quantity);
  const rest = quantity - fromStock;
  if (rest === 0 || facts.supplierCanSupply) return { ok: true, allocation: { fromStock, backorder: rest } };
  if (available === 0) return failure('NOT_ORDERABLE', `« ${facts.title} » n’est plus disponible.`);
  return failure(
    'NOT_ENOUGH_COPIES',
    available === 1
      ? `Plus qu’un exemplaire disponible de « ${facts.title} ».`
      : `Plus que ${available} exemplaires disponibles de « ${facts.title} ».`,
  );
}
