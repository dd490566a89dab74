import { describe, expect, it } from 'vitest';
import { readShopGauges } from '@/lib/data/watch/shop-gauges';
import { renderMetrics, setShopGauges } from '@/lib/observability/metrics';
import { createPaidOrder } from '@/scripts/test/order-desk-fixtures';
import { parseMetrics, sampleValue } from '@/scripts/test/prometheus-text';
import { openTestDatabase } from '@/scripts/test/test-database';

// The gauges /api/metrics reads from the database when scraped, against what the database holds.

const db = openTestDatabase();

function depth(gauges: Awaited<ReturnType<typeof readShopGauges>>, queue: string): number {
  return gauges.jobQueueDepth.find((entry) => entry.queue === queue)?.jobs ?? -1;
}

describe('the shop’s gauges', () => {
  it('count the e-mails and jobs a payment owes, and the front-cache purges due, not those to come', async () => {
    const before = await readShopGauges();
    // Every queue of the shop has its series, waiting jobs or not.
    expect(before.jobQueueDepth.map((entry) => entry.queue)).toEqual(
      expect.arrayContaining(['email-delivery', 'purge-abandoned', 'stripe-reconcile', 'tracking-lookup']),
    );

    await createPaidOrder(db, { onHand: 2, withSupplier: true });
    const paid = await readShopGauges();
    expect(depth(paid, 'email-delivery')).toBe(depth(before, 'email-delivery') + 1);
    expect(paid.emailsWaiting).toEqual({
      pending: before.emailsWaiting.pending + 1,
      failed: before.emailsWaiting.failed,
    });

    await db.$executeRaw`
      INSERT INTO "FrontCachePurge" ("tag", "dueAt")
      VALUES ('livre-jauge-due', now() - interval '1 second'), ('livre-jauge-plus-tard', now() + interval '1 hour')`;
    await db.$executeRaw`UPDATE "EmailMessage" SET "status" = 'failed' WHERE "id" = (SELECT min("id") FROM "EmailMessage" WHERE "status" = 'pending')`;
    const after = await readShopGauges();
    expect(after.frontCachePurgesPending).toBe(paid.frontCachePurgesPending + 1);
    expect(after.emailsWaiting).toEqual({
      pending: paid.emailsWaiting.pending - 1,
      failed: paid.emailsWaiting.failed + 1,
    });

    // As Prometheus reads them.
    setShopGauges(after);
    const families = parseMetrics((await renderMetrics()).text);
    expect(sampleValue(families, 'librairie_job_queue_depth', { queue: 'email-delivery' })).toBe(
      depth(after, 'email-delivery'),
    );
    expect(sampleValue(families, 'librairie_front_cache_purges_pending')).toBe(after.frontCachePurgesPending);
    expect(sampleValue(families, 'librairie_emails_waiting', { status: 'failed' })).toBe(after.emailsWaiting.failed);
    await db.$executeRaw`DELETE FROM "FrontCachePurge" WHERE "tag" LIKE 'livre-jauge-%'`;
  });
});
