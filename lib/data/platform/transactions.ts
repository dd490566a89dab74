import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Failure } from '@/lib/core/result';
import { BUSY_MESSAGE, isDatabaseBusy, RETRY_AFTER_SECONDS } from '@/lib/database/errors';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/observability/logger';
import { countBusyTransaction } from '@/lib/observability/metrics';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { flushFrontCachePurgesAfterCommit, wroteFrontCachePurges } from './front-cache';

// The one way to run a multi-row write: every transaction of the shop goes through `transact`
// (or `transactOrThrow` for jobs, whose queue retries), with named limits, the busy errors
// recognised in one place (lib/database/errors.ts), counted by the name of their limits
// (librairie_transaction_busy_total), and the front cache's purges and the counters of what the
// transaction did (afterCommit) run after the commit by construction.

export type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back whole; `transact` returns the failure as a value. */
export class Rejection extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export type TransactionLimits = {
  /** The limits' name, the `limits` label of librairie_transaction_busy_total. */
  name: string;
  /** Longest wait for a connection to start the transaction (Prisma's maxWait). */
  maxWaitMs: number;
  /** Longest the whole transaction may run before Prisma rolls it back. */
  timeoutMs: number;
  /** What the person is told when the database is too busy (default: BUSY_MESSAGE). */
  busyMessage?: string;
  /** PostgreSQL's default, READ COMMITTED, unless a reader needs one snapshot for every statement. */
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

/**
 * The buying path (cart, checkout, payment events): buyers of the same book queue on its stock
 * row for up to the pool's lock_timeout (4 s, lib/database/prisma-client.ts), under its 5 s
 * statement timeout; past that they are told to retry rather than kept waiting.
 */
export const BUYING_PATH_LIMITS: TransactionLimits = { name: 'buying_path', maxWaitMs: 8_000, timeoutMs: 15_000 };

/** Staff acting on one order wait behind a webhook or a colleague for a few seconds, never for long. */
export const ORDER_DESK_LIMITS: TransactionLimits = {
  name: 'order_desk',
  maxWaitMs: 5_000,
  timeoutMs: 15_000,
  busyMessage: 'La commande est en cours de modification : réessayez dans un instant.',
};

/** A reader's account: sign-in, addresses, deletion. Short: nothing here waits on a busy row. */
export const READER_ACCOUNT_LIMITS: TransactionLimits = { name: 'reader_account', maxWaitMs: 5_000, timeoutMs: 15_000 };

/** Staff's other changes (accounts, settings, the e-mails' outbox). */
export const STAFF_LIMITS: TransactionLimits = { name: 'staff', maxWaitMs: 5_000, timeoutMs: 15_000 };

/**
 * The stock desk: a delivery or an inventory count moves hundreds of stock rows in one
 * transaction, so it may run for up to a minute; each row is still held no longer than a
 * reader's (the pool's lock_timeout).
 */
export const STOCK_DESK_LIMITS: TransactionLimits = { name: 'stock_desk', maxWaitMs: 8_000, timeoutMs: 60_000 };

/** Background jobs (purges, e-mails, a distributor's feed): their queue retries a busy run. */
export const JOB_LIMITS: TransactionLimits = { name: 'job', maxWaitMs: 10_000, timeoutMs: 30_000 };

/** An e-mail is sent inside its row's transaction: longer than an SMTP send (lib/mailer.ts), shorter than the job's heartbeat. */
export const EMAIL_DELIVERY_LIMITS: TransactionLimits = {
  name: 'email_delivery',
  maxWaitMs: 10_000,
  timeoutMs: 25_000,
};

/**
 * The invariant check (lib/data/watch/invariants.ts): read-only, every statement in one snapshot
 * (REPEATABLE READ: a payment committing in the middle is seen whole or not at all), a few
 * seconds per chunk of books or orders for up to two minutes at a million titles.
 */
export const INVARIANT_CHECK_LIMITS: TransactionLimits = {
  name: 'invariant_check',
  maxWaitMs: 10_000,
  timeoutMs: 120_000,
  isolationLevel: 'RepeatableRead',
};

/** Sending the front caches' purges: a cache slower than its 3 s purge timeout is down. */
export const FRONT_CACHE_FLUSH_LIMITS: TransactionLimits = {
  name: 'front_cache_flush',
  maxWaitMs: 5_000,
  timeoutMs: 20_000,
};

export type Busy = Failure<'BUSY'>;

/**
 * The database a transaction runs on, and the front caches its purges go to after the commit:
 * the app's own by default; a script or a test with its own client names its own (none: the
 * worker sends the rows later).
 */
export type TransactionTarget = { db: PrismaClient; frontCaches: string[] };

function appTarget(): TransactionTarget {
  return { db: getDb(), frontCaches: getEnv().FRONT_CACHE_PURGE_URLS };
}

type Outcome<T> =
  { kind: 'committed'; value: T } | { kind: 'rejected'; failure: Failure } | { kind: 'busy'; error: unknown };

// Next's server bundle may hold two copies of this module (one per layer that imports it): the
// map lives on globalThis so that a transaction run by one copy sees the effects noted by another.
const EFFECTS_KEY = Symbol.for('librairie.committed-effects');

function committedEffects(): WeakMap<Tx, (() => void)[]> {
  const holder = globalThis as typeof globalThis & { [EFFECTS_KEY]?: WeakMap<Tx, (() => void)[]> };
  holder[EFFECTS_KEY] ??= new WeakMap();
  return holder[EFFECTS_KEY];
}

/**
 * Runs `effect` once the transaction `tx` has committed, never if it rolls back: the counters of
 * what it did (lib/observability/metrics.ts). Outside `transact` (a test's own transaction)
 * nothing runs.
 */
export function afterCommit(tx: Tx, effect: () => void): void {
  committedEffects().get(tx)?.push(effect);
}

async function run<T>(
  work: (tx: Tx) => Promise<T>,
  limits: TransactionLimits,
  { db, frontCaches }: TransactionTarget,
): Promise<Outcome<T>> {
  let purgesDue = false;
  const effects: (() => void)[] = [];
  try {
    const value = await db.$transaction(
      async (tx) => {
        committedEffects().set(tx, effects);
        const result = await work(tx);
        if (frontCaches.length > 0) purgesDue = await wroteFrontCachePurges(tx);
        return result;
      },
      { maxWait: limits.maxWaitMs, timeout: limits.timeoutMs, isolationLevel: limits.isolationLevel },
    );
    for (const effect of effects) effect();
    // Committed: the pages it made stale leave the front cache before the reader's next request.
    if (purgesDue) await flushFrontCachePurgesAfterCommit(frontCaches, db);
    return { kind: 'committed', value };
  } catch (error) {
    if (error instanceof Rejection) return { kind: 'rejected', failure: error.failure };
    if (isDatabaseBusy(error)) {
      countBusyTransaction(limits.name);
      return { kind: 'busy', error };
    }
    throw error;
  }
}

/**
 * Runs `work` in one transaction with explicit limits. A `Rejection` thrown inside rolls
 * everything back and comes out as its failure; a busy or unreachable database comes out as
 * failure BUSY ("Trop de demandes en même temps : réessayez dans un instant."). Anything else
 * is a bug and is thrown.
 */
export async function transact<T>(
  work: (tx: Tx) => Promise<T>,
  limits: TransactionLimits = BUYING_PATH_LIMITS,
  target: TransactionTarget = appTarget(),
): Promise<T | Failure> {
  const outcome = await run(work, limits, target);
  if (outcome.kind === 'committed') return outcome.value;
  if (outcome.kind === 'rejected') return outcome.failure;
  const { error } = outcome;
  logger.warn(
    { limits: limits.name, reason: error instanceof Error ? error.message.split('\n').at(-1) : String(error) },
    'database busy',
  );
  return busy(limits.busyMessage);
}

/**
 * The same transaction for callers that have no one to tell: a job, a script, a step after
 * Stripe answered. A busy database throws its own error (the job's queue retries it), and so
 * does a rejection.
 */
export async function transactOrThrow<T>(
  work: (tx: Tx) => Promise<T>,
  limits: TransactionLimits = JOB_LIMITS,
  target: TransactionTarget = appTarget(),
): Promise<T> {
  const outcome = await run(work, limits, target);
  if (outcome.kind === 'committed') return outcome.value;
  if (outcome.kind === 'rejected') throw new Error(`${outcome.failure.code}: ${outcome.failure.message}`);
  throw outcome.error;
}

export function busy(message: string = BUSY_MESSAGE): Busy {
  return failure('BUSY', message, { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
