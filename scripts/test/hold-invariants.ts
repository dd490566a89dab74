// What must hold for one book after a burst of checkouts, whatever the interleaving
// (lib/data/buying/checkout.ts, lib/data/stock/stock-holds.ts): facts in, broken rules out. Shared by the
// concurrency test (lib/data/buying/checkout.int.test.ts) and the benchmark (bench/holds.ts).
import type { PrismaClient } from '../../lib/database/prisma-client';

export type BookPlan = {
  title: string;
  /** Copies on hand when the burst starts; no hold yet. */
  onHand: number;
  withSupplier: boolean;
  /** Carts of one copy each. */
  buyers: number;
};

/** Read back from the database after the burst. */
export type BookFacts = {
  onHand: number;
  /** StockLevel.held: the counter of copies held. */
  heldCounter: number;
  /** Sum of the quantities of the book's active Hold rows. */
  activeHolds: number;
  fromStock: number;
  backorder: number;
  orderLines: number;
};

/** What the buyers were told, by placeOrder's code (`accepted` for ok). */
export type BookAnswers = { accepted: number; refusals: Map<string, number>; sampleMessages: Map<string, string> };

export type BookVerdict = {
  /** max(0, StockLevel.held − onHand): copies promised twice by the counter. */
  oversoldCounter: number;
  /** max(0, active holds − onHand): copies promised twice by the Hold rows. */
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
  const oversoldCounter = Math.max(0, facts.heldCounter - facts.onHand);
  const oversoldHolds = Math.max(0, facts.activeHolds - facts.onHand);
  if (oversoldCounter > 0) broken.push(`oversold: held ${facts.heldCounter} > on hand ${facts.onHand}`);
  if (oversoldHolds > 0) broken.push(`oversold: active holds ${facts.activeHolds} > on hand ${facts.onHand}`);

  expect('copies on hand (a checkout must not move them)', facts.onHand, plan.onHand);
  expect('StockLevel.held vs active holds', facts.heldCounter, facts.activeHolds);
  expect('copies from stock on order lines vs active holds', facts.fromStock, facts.activeHolds);
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

  return { oversoldCounter, oversoldHolds, broken };
}

/** Counts what the buyers of one book were told. */
export function tallyAnswers(outcomes: ({ ok: true } | { ok: false; code: string; message: string })[]): BookAnswers {
  const answers: BookAnswers = { accepted: 0, refusals: new Map(), sampleMessages: new Map() };
  for (const outcome of outcomes) {
    if (outcome.ok) {
      answers.accepted += 1;
    } else {
      answers.refusals.set(outcome.code, (answers.refusals.get(outcome.code) ?? 0) + 1);
      if (!answers.sampleMessages.has(outcome.code)) answers.sampleMessages.set(outcome.code, outcome.message);
    }
  }
  return answers;
}

/** Reads back the book's stock, holds and order lines after the burst. */
export async function readBookFacts(db: PrismaClient, bookId: number): Promise<BookFacts> {
  const level = await db.stockLevel.findUniqueOrThrow({ where: { bookId }, select: { onHand: true, held: true } });
  const holds = await db.hold.aggregate({ where: { bookId, status: 'active' }, _sum: { quantity: true } });
  const lines = await db.orderLine.aggregate({
    where: { bookId },
    _sum: { fromStockQuantity: true, backorderQuantity: true },
    _count: true,
  });
  return {
    onHand: level.onHand,
    heldCounter: level.held,
    activeHolds: holds._sum.quantity ?? 0,
    fromStock: lines._sum.fromStockQuantity ?? 0,
    backorder: lines._sum.backorderQuantity ?? 0,
    orderLines: lines._count,
  };
}
