import 'server-only';
import { getDb } from '@/lib/db';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import type { ShopGauges } from '@/lib/observability/metrics';

// What the database holds that an operator watches, read when Prometheus scrapes /api/metrics
// (one statement, on indexes): the jobs waiting per pg-boss queue (a worker down or too slow),
// the front-cache purges due and not sent (a cache unreachable), the e-mails not sent (SMTP down,
// or failed for staff to resend). Every instance reports the same figures: read them with max(),
// not sum().

type Row = { purgesPending: number; emailsPending: number; emailsFailed: number; queues: Record<string, number> };

export async function readShopGauges(): Promise<ShopGauges> {
  const [row] = await getDb().$queryRaw<Row[]>`
    SELECT
      (SELECT count(*)::int FROM "FrontCachePurge" WHERE "dueAt" <= now()) AS "purgesPending",
      (SELECT count(*)::int FROM "EmailMessage" WHERE "status" = 'pending') AS "emailsPending",
      (SELECT count(*)::int FROM "EmailMessage" WHERE "status" = 'failed') AS "emailsFailed",
      (SELECT coalesce(json_object_agg(q.name, q.jobs), '{}'::json)
         FROM (SELECT name, count(*)::int AS jobs FROM pgboss.job
                WHERE state IN ('created', 'retry') GROUP BY name) q) AS "queues"`;
  if (!row) throw new Error('The gauges query returned no row');
  // Every queue of the shop, waiting jobs or not: a series that appears only when jobs wait
  // would hide a queue's first backlog from a rate or an alert.
  const queues = new Set([...Object.values(QUEUE_NAMES), ...Object.keys(row.queues)]);
  return {
    jobQueueDepth: [...queues].sort().map((queue) => ({ queue, jobs: row.queues[queue] ?? 0 })),
    frontCachePurgesPending: row.purgesPending,
    emailsWaiting: { pending: row.emailsPending, failed: row.emailsFailed },
    // The invariant audit's last findings go here (librairie_invariant_violations{invariant}).
    invariantViolations: [],
  };
}
