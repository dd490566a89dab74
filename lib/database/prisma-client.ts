import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { withSerialTransactions } from './serial-transactions';

export type PoolSettings = {
  /** Connections per app instance. Size it so that instances × size stays under the server's max_connections. */
  size?: number;
  /** Time to get a connection before giving up (a full pool, or a server that does not answer). */
  connectTimeoutMs?: number;
  /** Server-side limit on any one statement; the client gives up one second later (a frozen server). */
  statementTimeoutMs?: number;
  /** Longest wait for a row lock held by another transaction (buyers queued on a book's stock row). */
  lockTimeoutMs?: number;
};

export const DEFAULT_POOL_SETTINGS = {
  size: 10,
  connectTimeoutMs: 8_000,
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 4_000,
  /** A transaction left open by a crashed request gives its locks back after this. */
  idleInTransactionMs: 10_000,
} as const;

/** The pg pool behind a Prisma client: every timeout set, so a stuck database never hangs a request. */
export function createPool(connectionString: string, settings: PoolSettings = {}): pg.Pool {
  const { size, connectTimeoutMs, statementTimeoutMs, lockTimeoutMs } = { ...DEFAULT_POOL_SETTINGS, ...settings };
  return new pg.Pool({
    connectionString,
    max: size,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    // Set for the session when it connects: no statement per transaction to pay for it. Behind
    // PgBouncer these are set by its connect_query instead (scripts/lib/pgbouncer.ts).
    options: `-c lock_timeout=${lockTimeoutMs}`,
    query_timeout: statementTimeoutMs + 1_000,
    idle_in_transaction_session_timeout: DEFAULT_POOL_SETTINGS.idleInTransactionMs,
    idleTimeoutMillis: 30_000,
    application_name: 'librairie',
  });
}

// Prisma 7 runs queries in TypeScript through a driver adapter: no native engine.
export function createPrismaClient(connectionString: string, settings: PoolSettings = {}): PrismaClient {
  return createPrismaClientOnPool(createPool(connectionString, settings));
}

export function createPrismaClientOnPool(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: withSerialTransactions(new PrismaPg(pool, { disposeExternalPool: true })) });
}

export type { PrismaClient };
