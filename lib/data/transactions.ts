import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { failure, type Failure } from '@/lib/validation/action-result';
import { BUSY_MESSAGE, isDatabaseBusy, RETRY_AFTER_SECONDS } from './database-errors';

export type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back whole; `transact` returns the failure as a value. */
export class Rejection extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export type TransactionLimits = {
  /** Longest wait for a connection to start the transaction (Prisma's maxWait). */
  maxWaitMs: number;
  /** Longest the whole transaction may run before Prisma rolls it back. */
  timeoutMs: number;
};

/**
 * The buying path (cart, checkout, payment events): buyers of the same book queue on its stock
 * row for up to the pool's lock_timeout (4 s, lib/prisma-client.ts), under its 5 s statement
 * timeout; past that they are told to retry rather than kept waiting.
 */
export const BUYING_PATH_LIMITS: TransactionLimits = { maxWaitMs: 8_000, timeoutMs: 15_000 };

export type Busy = Failure<'BUSY'>;

/**
 * Runs `work` in one transaction with explicit limits. A `Rejection` thrown inside rolls
 * everything back and comes out as its failure; a busy or unreachable database comes out as
 * failure BUSY ("Trop de demandes en même temps : réessayez dans un instant."). Anything else
 * is a bug and is thrown.
 */
export async function transact<T>(
  work: (tx: Tx) => Promise<T>,
  limits: TransactionLimits = BUYING_PATH_LIMITS,
): Promise<T | Failure> {
  try {
    return await getDb().$transaction(work, { maxWait: limits.maxWaitMs, timeout: limits.timeoutMs });
  } catch (error) {
    if (error instanceof Rejection) return error.failure;
    if (isDatabaseBusy(error)) {
      console.warn('database busy', error instanceof Error ? error.message.split('\n').at(-1) : error);
      return busy();
    }
    throw error;
  }
}

export function busy(): Busy {
  return failure('BUSY', BUSY_MESSAGE, { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
