import { describe, expect, it } from 'vitest';
import { purgeAbandoned } from '@/lib/data/buying/purge';
import { shopMetrics } from '@/lib/observability/metrics';
import { placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';

// The holds' counters move when the transaction that placed or released them commits.

const db = openTestDatabase();

async function counted(name: 'holdsPlaced' | 'holdsExpired'): Promise<number> {
  return (await shopMetrics()[name].get()).values.reduce((sum, { value }) => sum + value, 0);
}

describe('the holds’ counters', () => {
  it('count a checkout’s holds, then the same holds released by the purge once their time ran out', async () => {
    const placedBefore = await counted('holdsPlaced');
    const { order } = await placeTestOrder(db, { onHand: 3, withSupplier: false, quantity: 2 });
    expect(await counted('holdsPlaced')).toBe(placedBefore + 1);

    await db.hold.updateMany({ where: { orderId: order.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    // Other files' holds may have run out too: the purge releases them all, each counted.
    const due = await db.hold.count({ where: { status: 'active', expiresAt: { lte: new Date() } } });
    expect(due).toBeGreaterThanOrEqual(1);
    const expiredBefore = await counted('holdsExpired');
    await purgeAbandoned(new Date());
    expect(await db.hold.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([
      { status: 'released' },
    ]);
    expect(await counted('holdsExpired')).toBe(expiredBefore + due);
  });

  it('count nothing for a checkout refused and rolled back', async () => {
    const placedBefore = await counted('holdsPlaced');
    await expect(placeTestOrder(db, { onHand: 1, withSupplier: false, quantity: 2 })).rejects.toThrow();
    expect(await counted('holdsPlaced')).toBe(placedBefore);
  });
});
