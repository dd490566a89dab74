import 'server-only';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { failure, type Result } from '@/lib/core/result';
import { isDatabaseBusy } from '@/lib/database/errors';
import { QUEUE_OPTIONS, retryBudgetSeconds } from '@/lib/jobs/queues';
import {
  INVARIANT_CODES,
  summarizeViolations,
  type CheckSummary,
  type InvariantCode,
  type Violation,
} from '@/lib/invariants/invariants';
import { busy, INVARIANT_CHECK_LIMITS, transactOrThrow, type Tx } from '@/lib/data/platform/transactions';
import type { Actor } from '@/lib/data/staff/staff';
import {
  BOOK_RANGE,
  creditNoteViolations,
  emailViolations,
  frontCachePurgeViolations,
  invoiceSequenceViolations,
  ORDER_RANGE,
  orderInvoiceViolations,
  orderLineViolations,
  stockViolations,
} from './invariant-queries';

// The invariant check: every rule of lib/invariants/invariants.ts read in one snapshot of the
// data, so that a payment committing meanwhile is seen whole or not at all, and the result kept
// (InvariantCheck) for /admin/etat and the metrics. The worker runs it every five minutes
// (scripts/worker.ts); staff may run it at once. It lists and never repairs: a mismatch is for a
// person to understand first.

/** A purge unsent this long after it fell due is late: the flusher sends within seconds. */
export const PURGE_LATE_AFTER_MS = 60_000;
/** Tags of late purges listed by name (all are counted). */
const PURGES_LISTED = 200;
/** Past every try of its job, plus the worker's supervision and a margin. */
const EMAIL_STUCK_AFTER_MS = (retryBudgetSeconds(QUEUE_OPTIONS['email-delivery']) + 10 * 60) * 1000;
/** Checks kept: a week of the worker's runs. */
const KEPT_FOR_MS = 7 * 24 * 3600 * 1000;
/** pg_try_advisory_xact_lock key: one check at a time across app instances and workers. */
const CHECK_LOCK_KEY = 7_240_001;
/** The migration that started issuing invoices: orders paid before it have none, by design. */
const INVOICING_MIGRATION = '20261207160000_invoices';

export type InvariantCheckResult = CheckSummary & { startedAt: Date; finishedAt: Date };

export type CheckSettings = { now: Date; frontCache: boolean };

async function highestId(tx: Tx, table: 'Book' | 'Order'): Promise<number> {
  const [row] =
    table === 'Book'
      ? await tx.$queryRaw<{ id: number | null }[]>`SELECT MAX("id") AS "id" FROM "Book"`
      : await tx.$queryRaw<{ id: number | null }[]>`SELECT MAX("id") AS "id" FROM "Order"`;
  return row?.id ?? 0;
}

async function invoicingSince(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ finishedAt: Date | null }[]>`
    SELECT finished_at AS "finishedAt" FROM _prisma_migrations
    WHERE migration_name = ${INVOICING_MIGRATION} AND rolled_back_at IS NULL`;
  // Without a migrations table (a database built otherwise), every paid order must have one.
  return row?.finishedAt ?? new Date(0);
}

/** Every rule, in the caller's snapshot. */
export async function findViolations(
  tx: Tx,
  { now, frontCache }: CheckSettings,
): Promise<{ violations: Violation[]; unlisted: Partial<Record<InvariantCode, number>> }> {
  const violations: Violation[] = [];
  const lastBook = await highestId(tx, 'Book');
  for (let after = 0; after < lastBook; after += BOOK_RANGE)
    violations.push(...(await stockViolations(tx, after, after + BOOK_RANGE)));

  const lastOrder = await highestId(tx, 'Order');
  const since = await invoicingSince(tx);
  for (let after = 0; after < lastOrder; after += ORDER_RANGE) {
    violations.push(...(await orderLineViolations(tx, after, after + ORDER_RANGE)));
    violations.push(...(await orderInvoiceViolations(tx, after, after + ORDER_RANGE, since)));
  }
  violations.push(...(await creditNoteViolations(tx)));
  violations.push(...(await invoiceSequenceViolations(tx, now)));
  violations.push(...(await emailViolations(tx, new Date(now.getTime() - EMAIL_STUCK_AFTER_MS))));

  const unlisted: Partial<Record<InvariantCode, number>> = {};
  // Without a front cache nothing sends the purges: the rows wait for their deletion (a day).
  if (frontCache) {
    const purges = await frontCachePurgeViolations(tx, new Date(now.getTime() - PURGE_LATE_AFTER_MS), PURGES_LISTED);
    violations.push(...purges.violations);
    unlisted.front_cache_purge = purges.total - purges.violations.length;
  }
  return { violations, unlisted };
}

/**
 * Runs the check and records it. Null when another check is running at this moment (on any
 * instance): its result is the one to read.
 */
export async function runInvariantCheck(
  options: { staffId?: number | null; now?: () => Date } = {},
): Promise<InvariantCheckResult | null> {
  const clock = options.now ?? (() => new Date());
  const startedAt = clock();
  const found = await transactOrThrow(async (tx) => {
    await tx.$executeRaw`SET TRANSACTION READ ONLY`;
    const [lock] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(${CHECK_LOCK_KEY}) AS "locked"`;
    if (!lock?.locked) return null;
    return findViolations(tx, { now: startedAt, frontCache: getEnv().FRONT_CACHE_PURGE_URLS.length > 0 });
  }, INVARIANT_CHECK_LIMITS);
  if (!found) return null;

  const summary = summarizeViolations(found.violations, found.unlisted);
  const finishedAt = clock();
  await transactOrThrow(async (tx) => {
    await tx.invariantCheck.create({
      data: {
        startedAt,
        finishedAt,
        counts: summary.counts,
        violationCount: summary.violationCount,
        violations: summary.kept,
        staffId: options.staffId ?? null,
      },
    });
    await tx.invariantCheck.deleteMany({ where: { finishedAt: { lt: new Date(finishedAt.getTime() - KEPT_FOR_MS) } } });
  });
  return { ...summary, startedAt, finishedAt };
}

/** "Vérifier maintenant" at /admin/etat: the check at once, or why not. */
export async function checkInvariantsNow(actor: Actor): Promise<Result<{ violationCount: number }>> {
  try {
    const check = await runInvariantCheck({ staffId: actor.id });
    if (!check)
      return failure(
        'CHECK_RUNNING',
        'Une vérification est déjà en cours : son résultat s’affichera ici dans un instant. Rechargez la page.',
      );
    return { ok: true, violationCount: check.violationCount };
  } catch (error) {
    if (isDatabaseBusy(error)) return busy();
    throw error;
  }
}

export type RecordedCheck = InvariantCheckResult & { id: number; staffName: string | null };

/** The latest check, as /admin/etat and the metrics read it; null before the first. */
export async function getLatestInvariantCheck(): Promise<RecordedCheck | null> {
  const row = await getDb().invariantCheck.findFirst({
    orderBy: { id: 'desc' },
    select: {
      id: true,
      startedAt: true,
      finishedAt: true,
      counts: true,
      violationCount: true,
      violations: true,
      staff: { select: { name: true } },
    },
  });
  if (!row) return null;
  const stored = (row.counts ?? {}) as Partial<Record<InvariantCode, number>>;
  const counts = Object.fromEntries(INVARIANT_CODES.map((code) => [code, stored[code] ?? 0])) as Record<
    InvariantCode,
    number
  >;
  return {
    id: row.id,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    counts,
    violationCount: row.violationCount,
    // Written by runInvariantCheck from Violation values only; a rule since renamed is left out.
    kept: (row.violations as unknown as Violation[]).filter((violation) =>
      INVARIANT_CODES.includes(violation.invariant),
    ),
    staffName: row.staff?.name ?? null,
  };
}
