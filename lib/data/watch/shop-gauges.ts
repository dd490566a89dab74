import 'server-only';
import { getDb } from '@/lib/db';
import { INVARIANT_CODES } from '@/lib/invariants/invariants';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import type { ShopGauges } from '@/lib/observability/metrics';

// What the database holds that an operator watches, read when Prometheus scrapes /api/metrics
// (one statement, on indexes): the jobs waiting per pg-boss queue (a worker down or too slow),
// the front-cache purges due and not sent (a cache unreachable), the e-mails not sent (SMTP down,
// or failed for staff to resend), the violations per rule at the last invariant check
// (lib/data/watch/invariants.ts). Every instance reports the same figures: read them with max(),
// not sum().

type Row = {
  purgesPending: number;
  emailsPending: number;
  emailsFailed: number;
  queues: Record<string, number>;
  invariants: Record<string, number> | null;
};

export async function readShopGauges(): Promise<ShopGauges> {
  const [row] = await getDb().$queryRaw<Row[]>`
    SELECT
      (SELECT count(*)::int FROM "FrontCachePurge" WHERE "dueAt" <= now()) AS "purgesPending",
      (SELECT count(*)::int FROM "EmailMessage" WHERE "status" = 'pending') AS "emailsPending",
      (SELECT count(*)::int FROM "EmailMessage" WHERE "status" = 'failed') AS "emailsFailed",
      (SELECT coalesce(json_object_agg(q.name, q.jobs), '{}'::json)
         FROM (SELECT name, count(*)::int AS jobs FROM pgboss.job
                WHERE state IN ('created', 'retry') GROUP BY name) q) AS "queues",
      (SELECT "counts" FROM "InvariantCheck" ORDER BY "id" DESC LIMIT 1) AS "invariants"`;
  if (!row) throw new Error('The gauges query returned no row');
  // Every queue of the shop, waiting jobs or not: a series that appears only when jobs wait
  // would hide a queue's first backlog from a rate or an alert.
  const queues = new Set([...Object.values(QUEUE_NAMES), ...Object.keys(row.queues)]);
  return {
    jobQueueDepth: [...queues].sort().map((queue) => ({ queue, jobs: row.queues[queue] ?? 0 })),
    frontCachePurgesPending: row.purgesPending,
    emailsWaiting: { pending: row.emailsPending, failed: row.emailsFailed },
    // Every rule, 0 before the first check: an alert on > 0 needs the series to exist.
    invariantViolations: INVARIANT_CODES.map((invariant) => ({ invariant, rows: row.invariants?.[invariant] ?? 0 })),
  };
}
