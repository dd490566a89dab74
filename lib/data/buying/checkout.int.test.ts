import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { BUSY, checkBook, readBookFacts, tallyAnswers } from '@/scripts/test/hold-invariants';
import { placeOrdersFromProcesses } from '@/scripts/test/run-place-orders';
import { openTestDatabase } from '@/scripts/test/test-database';
import { freePort } from '@/scripts/test/database';
import { PGBOUNCER_BINARY, pgBouncerInstalled, startPgBouncer } from '@/scripts/lib/pgbouncer';

// 200 buyers of one book, two app instances (two processes, two connection pools), one
// PostgreSQL. Every buyer is told yes, "no more copies", or "too busy, retry" (BUSY, when the
// rush exceeds what the stock row serves in time); whatever the split, no copy is promised twice
// and the database agrees with what buyers were told (scripts/test/hold-invariants.ts).
const db = openTestDatabase();

describe('holds under concurrency', () => {
  it.each([
    { withSupplier: false, title: 'Cinq exemplaires' },
    { withSupplier: true, title: 'Cinq et le distributeur' },
  ])('200 buyers of 5 copies (supplier: $withSupplier): 0 oversold, every buyer told why', async (book) => {
    const plan = { ...book, onHand: 5, buyers: 200 };
    const created = await createTestBook(db, { onHand: 5, withSupplier: book.withSupplier, title: book.title });
    const carts = await createCarts(db, created.id, plan.buyers);
    const runs = await placeOrdersFromProcesses(inject('databaseUrl'), [carts.slice(0, 100), carts.slice(100)]);
    const answers = tallyAnswers(runs.flatMap((run) => run.results));

    const verdict = checkBook(plan, await readBookFacts(db, created.id), answers);
    expect(verdict.broken).toEqual([]);
    expect(verdict.oversoldCounter + verdict.oversoldHolds).toBe(0);
    // The rush is served, not merely survived: the 5 copies found buyers.
    expect(answers.accepted).toBeGreaterThanOrEqual(5);
    const reasons = [...answers.refusals.keys()];
    expect(reasons.filter((code) => code !== BUSY && code !== 'NOT_ORDERABLE')).toEqual([]);
    if (answers.refusals.has('NOT_ORDERABLE')) {
      expect(answers.sampleMessages.get('NOT_ORDERABLE')).toBe(`« ${book.title} » n’est plus disponible.`);
    }
    if (answers.refusals.has(BUSY)) {
      expect(answers.sampleMessages.get(BUSY)).toBe('Trop de demandes en même temps : réessayez dans un instant.');
    }
  });

  it('with a supplier, copies beyond the shelf are backorders with the distributor lead time', async () => {
    const created = await createTestBook(db, { onHand: 2, withSupplier: true, title: 'Deux et le distributeur' });
    const carts = await createCarts(db, created.id, 20);
    await placeOrdersFromProcesses(inject('databaseUrl'), [carts.slice(0, 10), carts.slice(10)]);
    const lines = await db.orderLine.findMany({
      where: { bookId: created.id },
      select: { fromStockQuantity: true, backorderQuantity: true, shipWithinMinDays: true, shipWithinMaxDays: true },
    });
    expect(lines.reduce((sum, line) => sum + line.fromStockQuantity, 0)).toBe(2);
    for (const line of lines) {
      expect([line.shipWithinMinDays, line.shipWithinMaxDays]).toEqual(line.backorderQuantity > 0 ? [6, 10] : [0, 1]);
    }
    expect(lines.some((line) => line.backorderQuantity > 0)).toBe(true);
  });

  // The multi-instance setup (docs/deployment.md): app instances reach PostgreSQL through
  // PgBouncer in transaction mode, where a server connection changes client between transactions.
  it('through PgBouncer in transaction mode: 200 buyers from two instances, 0 oversold', async () => {
    if (!pgBouncerInstalled()) throw new Error(`${PGBOUNCER_BINARY} is missing: apt-get install pgbouncer`);
    const bouncer = await startPgBouncer({
      serverUrl: inject('databaseUrl'),
      port: await freePort(),
      dir: path.join(os.tmpdir(), `librairie-pgbouncer-${process.pid}-${Date.now()}`),
      poolSize: 8,
    });
    try {
      const plan = { title: 'Cinq par le pooler', withSupplier: false, onHand: 5, buyers: 200 };
      const created = await createTestBook(db, { onHand: 5, withSupplier: false, title: plan.title });
      const carts = await createCarts(db, created.id, plan.buyers);
      const runs = await placeOrdersFromProcesses(bouncer.url, [carts.slice(0, 100), carts.slice(100)]);
      const answers = tallyAnswers(runs.flatMap((run) => run.results));

      const verdict = checkBook(plan, await readBookFacts(db, created.id), answers);
      expect(verdict.broken).toEqual([]);
      expect(verdict.oversoldCounter + verdict.oversoldHolds).toBe(0);
      expect(answers.accepted).toBe(5);
      expect([...answers.refusals.keys()].filter((code) => code !== BUSY && code !== 'NOT_ORDERABLE')).toEqual([]);
    } finally {
      await bouncer.stop();
    }
  });
});
