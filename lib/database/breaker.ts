import 'server-only';
import { DatabaseUnavailableError, isDatabaseUnreachable } from './errors';

// A circuit breaker in front of the database, per app instance: once a query finds the server
// unreachable (no connection in time, no reply in time), the next queries of the next few
// seconds fail at once instead of each waiting for its own timeout, so a page that needs three
// queries answers "indisponible" in one timeout, not three. It holds no business state: each
// instance finds out for itself, and the first query after the pause tries the server again.
const OPEN_FOR_MS = 5_000;

const state = globalThis as typeof globalThis & { librairieDatabaseDownUntil?: number };

export function refuseIfDatabaseDown(now = Date.now()): void {
  if (now < (state.librairieDatabaseDownUntil ?? 0)) throw new DatabaseUnavailableError();
}

export function noteDatabaseFailure(error: unknown, now = Date.now()): void {
  if (isDatabaseUnreachable(error) && (error as { code?: unknown } | null)?.code !== 'DATABASE_UNAVAILABLE') {
    state.librairieDatabaseDownUntil = now + OPEN_FOR_MS;
  }
}
