// What must hold for one book after a burst of checkouts, whatever the interleaving
// (lib/data/checkout.ts, lib/data/stock-locks.ts). Pure: facts in, broken rules out.

export type BookPlan = {
  title: string;
  /** Copies on hand when the burst starts; no reservation yet. */
  onHand: number;
  withSupplier: boolean;
  /** Carts of one copy each. */
  buyers: number;
};

/** Read back from the database after the burst. */
export type BookFacts = {
  onHand: number;
  reserved: number;
  /** Sum of the quantities of the book's active Reservation rows. */
  held: number;
  fromStock: number;
  backorder: number;
  orderLines: number;
};

/** What the buyers were told, by placeOrder's code (`accepted` for ok). */
export type BookAnswers = { accepted: number; refusals: Map<string, number>; sampleMessages: Map<string, string> };

export type BookVerdict = {
  /** max(0, StockLevel.reserved − onHand): copies promised twice by the counter. */
  oversoldReserved: number;
  /** max(0, active holds − onHand): copies promised twice by the Reservation rows. */
  oversoldHolds: number;
  broken: string[];
};

/** Too many buyers waited for the same stock row: a refusal the shop accepts under load. */
export const BUSY = 'BUSY';
const NOT_ORDERABLE = 'NOT_ORDERABLE';

export function checkBook(plan: BookPlan, facts: BookFacts, answers: BookAnswers): BookVerdict {
  const broken: string[] = [];
  const expect = (what: string, actual: number, expected: number) => {
    if (actual !== expected) broken.push(`${what}: ${actual}, expected ${expected}`);
  };
  const oversoldReserved = Math.max(0, facts.reserved - facts.onHand);
  const oversoldHolds = Math.max(0, facts.held - facts.onHand);
  if (oversoldReserved > 0) broken.push(`oversold: reserved ${facts.reserved} > on hand ${facts.onHand}`);
  if (oversoldHolds > 0) broken.push(`oversold: active holds ${facts.held} > on hand ${facts.onHand}`);

  expect('copies on hand (a checkout must not move them)', facts.onHand, plan.onHand);
  expect('StockLevel.reserved vs active holds', facts.reserved, facts.held);
  expect('copies from stock on order lines vs active holds', facts.fromStock, facts.held);
  expect('orders in the database vs buyers told yes', facts.orderLines, answers.accepted);

  const allowed = plan.withSupplier ? [BUSY] : [BUSY, NOT_ORDERABLE];
  let unexpected = 0;
  for (const [code, count] of answers.refusals) {
    if (allowed.includes(code)) continue;
    unexpected += count;
    broken.push(`${count} × unexpected ${code}: ${answers.sampleMessages.get(code) ?? ''}`);
  }

  // A BUSY buyer's transaction rolled back whole, so only the others competed for the copies:
  // each of them got a copy while one was left, then (with a supplier) a backorder.
  const served = plan.buyers - (answers.refusals.get(BUSY) ?? 0) - unexpected;
  const fromStock = Math.min(plan.onHand, served);
  expect('buyers told yes', answers.accepted, plan.withSupplier ? served : fromStock);
  expect('copies from stock', facts.fromStock, fromStock);
  expect('copies on backorder', facts.backorder, plan.withSupplier ? served - fromStock : 0);

  return { oversoldReserved, oversoldHolds, broken };
}
