// What a payment does to the copies of an order, decided before anything is written (pure;
// lib/data/buying/payments.ts reads the figures under the stock rows' locks and applies the plan).
// - A line whose copies are still held: the held copies are sold.
// - A line whose hold expired before the payment came (payment after `expires_at`): copies are
//   taken again from the shelf if some remain, else ordered from the distributor.
// - If a line can be served neither way, the whole order is refunded: nothing is sold.
import { availableCopies, type Allocation } from './allocation';

export type PaidLine = {
  lineId: number;
  bookId: number;
  fromStockQuantity: number;
  backorderQuantity: number;
  /** supplierCanSupply() of the line's book. */
  supplierCanSupply: boolean;
};

export type ActiveHold = { id: number; bookId: number; quantity: number };

export type LinePlan = {
  lineId: number;
  bookId: number;
  /** Copies leaving the shelf now (SALE in the ledger). */
  sold: number;
  /** Whether those copies were held (then `held` goes down with `onHand`). */
  fromHold: boolean;
  /** The hold this payment consumes, if any. */
  consumedHoldId: number | null;
  /** The line's new split, when copies moved from the shelf to the distributor; else null. */
  newAllocation: Allocation | null;
};

export type PaymentPlan =
  | { kind: 'fulfil'; lines: LinePlan[]; backorderedCopies: number }
  | { kind: 'refund'; reason: 'SOLD_MEANWHILE_NOT_ORDERABLE' };

export function planPayment(
  lines: readonly PaidLine[],
  activeHolds: readonly ActiveHold[],
  stock: ReadonlyMap<number, { onHand: number; held: number }>,
): PaymentPlan {
  const plans: LinePlan[] = [];
  let backorderedCopies = 0;
  for (const line of lines) {
    const hold = activeHolds.find((candidate) => candidate.bookId === line.bookId);
    if (hold) {
      plans.push({
        lineId: line.lineId,
        bookId: line.bookId,
        sold: hold.quantity,
        fromHold: true,
        consumedHoldId: hold.id,
        newAllocation: null,
      });
      continue;
    }
    if (line.fromStockQuantity === 0) {
      plans.push({
        lineId: line.lineId,
        bookId: line.bookId,
        sold: 0,
        fromHold: false,
        consumedHoldId: null,
        newAllocation: null,
      });
      continue;
    }
    const takeAgain = Math.min(availableCopies(stock.get(line.bookId)), line.fromStockQuantity);
    const toBackorder = line.fromStockQuantity - takeAgain;
    if (toBackorder > 0 && !line.supplierCanSupply) return { kind: 'refund', reason: 'SOLD_MEANWHILE_NOT_ORDERABLE' };
    backorderedCopies += toBackorder;
    plans.push({
      lineId: line.lineId,
      bookId: line.bookId,
      sold: takeAgain,
      fromHold: false,
      consumedHoldId: null,
      newAllocation: toBackorder > 0 ? { fromStock: takeAgain, backorder: line.backorderQuantity + toBackorder } : null,
    });
  }
  return { kind: 'fulfil', lines: plans, backorderedCopies };
}
