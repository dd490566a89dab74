import 'server-only';

// Which database failures mean "too busy, try again" or "unreachable", as opposed to a bug.
// They become the reader's "Trop de demandes en même temps, réessayez" (and 503 + Retry-After
// for programs), never a 500.

/** SQLSTATEs of a busy server (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const BUSY_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '57P03', // cannot_connect_now (starting up, shutting down)
  '25P03', // idle_in_transaction_session_timeout
]);

/** Prisma's codes for a transaction it could not start in time or that ran out of time (P2028), and unreachable servers. */
const BUSY_PRISMA_CODES = new Set(['P2028', 'P2034', 'P1001', 'P1002', 'P1008', 'P1017']);

const RETRYABLE_MESSAGES = [
  // pg-pool, after connectionTimeoutMillis waiting for one of its connections while all are in use
  // (node_modules/pg-pool/index.js): a rush, not a server down.
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout', // pg client: query_timeout
  'ECONNREFUSED',
  'ECONNRESET',
  'the database system is',
  'Unable to start a transaction',
  'Transaction already closed',
  'Transaction API error',
];

/** Prisma's error code (P2028…), read by shape: Next may load the generated client more than once. */
function prismaCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return typeof name === 'string' && name.startsWith('PrismaClient') && typeof code === 'string' ? code : undefined;
}

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; cause?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown } };
  // A Prisma error's own code (P2010, a raw query that failed) has the shape of a SQLSTATE: the
  // server's is in its meta.
  if (typeof record.code === 'string' && /^[0-9A-Z]{5}$/.test(record.code) && prismaCode(error) === undefined)
    return record.code;
  const meta = record.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined;
  if (typeof meta?.cause?.originalCode === 'string') return meta.cause.originalCode;
  return record.cause ? sqlState(record.cause) : undefined;
}

/**
 * The driver adapter's kind of error (@prisma/driver-adapter-utils' MappedError), which Prisma
 * puts in `meta.driverAdapterError.cause`: a raw query (`$queryRaw`) that cannot connect fails
 * with P2010 and kind 'DatabaseNotReachable', not with P1001 as a model query does.
 */
function driverAdapterErrorKind(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta;
  const kind = meta?.driverAdapterError?.cause?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** Driver adapter kinds of a server that does not answer (adapter-pg maps ECONNREFUSED, ECONNRESET, ETIMEDOUT to them). */
const UNREACHABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);

function messages(error: unknown, depth = 0): string {
  if (depth > 4 || typeof error !== 'object' || error === null) return String(error ?? '');
  const record = error as { message?: unknown; cause?: unknown };
  return `${String(record.message ?? '')} ${messages(record.cause, depth + 1)}`;
}

/** A query the circuit breaker refused at once: the database stopped answering a moment ago. */
export class DatabaseUnavailableError extends Error {
  // Recognised by this code, not by instanceof: Next may load this module more than once.
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor() {
    super('Database unavailable: it stopped answering a moment ago (circuit breaker open)');
  }
}

function isBreakerRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_UNAVAILABLE';
}

/** The server does not answer at all (as opposed to answering "busy"): no connection, no reply. */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (isBreakerRefusal(error)) return true;
  if (['P1001', 'P1002', 'P1017'].includes(prismaCode(error) ?? '')) return true;
  if (UNREACHABLE_ADAPTER_KINDS.has(driverAdapterErrorKind(error) ?? '')) return true;
  const text = messages(error);
  // Not pg-pool's "timeout exceeded when trying to connect": that one means every pooled
  // connection is busy (a rush), and opening the circuit breaker on it would turn a rush into
  // 503 pages for everyone. A new connection that times out fails with "Connection terminated
  // due to connection timeout"; a frozen server with "Query read timeout".
  return ['Query read timeout', 'ECONNREFUSED', 'Connection terminated'].some((fragment) => text.includes(fragment));
}

/** The database is overloaded, locked up or out of reach: the request may succeed if retried. */
export function isDatabaseBusy(error: unknown): boolean {
  if (isDatabaseUnreachable(error)) return true;
  const code = prismaCode(error);
  if (code && BUSY_PRISMA_CODES.has(code)) return true;
  if ((error as { name?: unknown } | null)?.name === 'PrismaClientInitializationError') return true;
  if (driverAdapterErrorKind(error) === 'TooManyConnections') return true;
  const state = sqlState(error);
  if (state && BUSY_SQLSTATES.has(state)) return true;
  const text = messages(error);
  return RETRYABLE_MESSAGES.some((fragment) => text.includes(fragment));
}

/** Seconds a program should wait before trying again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

export const BUSY_MESSAGE = 'Trop de demandes en même temps : réessayez dans un instant.';
