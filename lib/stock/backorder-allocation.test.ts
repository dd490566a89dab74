import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBackorderAllocation, type WaitingLine } from './backorder-allocation';

const day = (d: number) => new Date(Date.UTC(2026, 11, d, 10));

describe('planBackorderAllocation', () => {
  it('serves the oldest order first and shelves the rest (the seed book: 3 received, 1 awaited)', () => {
    const plan = planBackorderAllocation(new Map([[7, 3]]), [
      { orderId: 12, lineId: 20, bookId: 7, awaited: 1, since: day(2) },
    ]);
    expect(plan.allocations).toEqual([{ orderId: 12, lineId: 20, bookId: 7, quantity: 1 }]);
    expect(plan.toShelf.get(7)).toBe(2);
  });

  it('gives what it can to the oldest, nothing to the newest when copies run out', () => {
    const waiting: WaitingLine[] = [
      { orderId: 30, lineId: 31, bookId: 1, awaited: 2, since: day(3) },
      { orderId: 10, lineId: 11, bookId: 1, awaited: 2, since: day(1) },
      { orderId: 20, lineId: 21, bookId: 1, awaited: 2, since: day(2) },
    ];
    const plan = planBackorderAllocation(new Map([[1, 3]]), waiting);
    expect(plan.allocations).toEqual([
      { orderId: 10, lineId: 11, bookId: 1, quantity: 2 },
      { orderId: 20, lineId: 21, bookId: 1, quantity: 1 },
    ]);
    expect(plan.toShelf.get(1)).toBe(0);
  });

  it('leaves books nobody waits for on the shelf, and ignores waiting lines of books not received', () => {
    const plan = planBackorderAllocation(new Map([[1, 2]]), [
      { orderId: 1, lineId: 1, bookId: 2, awaited: 5, since: day(1) },
    ]);
    expect(plan.allocations).toEqual([]);
    expect(plan.toShelf).toEqual(new Map([[1, 2]]));
  });

  it('never gives more than received nor more than awaited, and loses no copy', () => {
    const line = fc.record({
      orderId: fc.integer({ min: 1, max: 20 }),
      lineId: fc.integer({ min: 1, max: 1000 }),
      bookId: fc.integer({ min: 1, max: 4 }),
      awaited: fc.integer({ min: 0, max: 5 }),
      since: fc.integer({ min: 1, max: 28 }).map(day),
    });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 20 }).map((lines) => lines.map((l, i) => ({ ...l, lineId: i + 1 }))),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 10 })), { maxLength: 4 }),
        (waiting, receivedPairs) => {
          const received = new Map(receivedPairs);
          const plan = planBackorderAllocation(received, waiting);
          for (const [bookId, quantity] of received) {
            const given = plan.allocations.filter((a) => a.bookId === bookId).reduce((s, a) => s + a.quantity, 0);
            expect(given + (plan.toShelf.get(bookId) ?? 0)).toBe(quantity);
            expect(plan.toShelf.get(bookId)).toBeGreaterThanOrEqual(0);
          }
          for (const allocation of plan.allocations) {
            const waitingLine = waiting.find((l) => l.lineId === allocation.lineId)!;
            expect(allocation.quantity).toBeGreaterThan(0);
            expect(allocation.quantity).toBeLessThanOrEqual(waitingLine.awaited);
          }
        },
      ),
    );
  });
});
