// Copies received from a distributor go first to the customers waiting for them: the backordered
// copies of paid orders (online orders and counter special orders alike), oldest order first, so
// a reader who ordered on Monday is served before one who ordered on Tuesday. What is left goes
// on the shelf. Pure: lib/data/stock-desk/receiving.ts reads the waiting lines under their orders' locks and
// writes the result in the delivery's transaction (docs/decisions/012-stock-desk-receiving-and-ledger.md).

export type WaitingLine = {
  orderId: number;
  lineId: number;
  bookId: number;
  /** Backordered copies neither received nor cancelled (lib/orders/workflow.ts, awaitedCopies). */
  awaited: number;
  /** When the order was paid (or taken at the counter): the queue's order. */
  since: Date;
};

export type LineAllocation = { orderId: number; lineId: number; bookId: number; quantity: number };

export type AllocationPlan = {
  allocations: LineAllocation[];
  /** Copies of each book left for the shelf. */
  toShelf: Map<number, number>;
};

/** Oldest first; ties broken by order, then line, so the plan never depends on the read order. */
function queueOrder(a: WaitingLine, b: WaitingLine): number {
  return a.since.getTime() - b.since.getTime() || a.orderId - b.orderId || a.lineId - b.lineId;
}

export function planBackorderAllocation(
  received: ReadonlyMap<number, number>,
  waiting: readonly WaitingLine[],
): AllocationPlan {
  const left = new Map(received);
  const allocations: LineAllocation[] = [];
  for (const line of [...waiting].sort(queueOrder)) {
    const available = left.get(line.bookId) ?? 0;
    const quantity = Math.min(available, Math.max(line.awaited, 0));
    if (quantity <= 0) continue;
    allocations.push({ orderId: line.orderId, lineId: line.lineId, bookId: line.bookId, quantity });
    left.set(line.bookId, available - quantity);
  }
  return { allocations, toShelf: left };
}
