// Where the workers' database sessions spend a burst, sampled from pg_stat_activity
// (https://www.postgresql.org/docs/18/monitoring-stats.html#MONITORING-PG-STAT-ACTIVITY-VIEW).
// It tells a lock-bound run (sessions queued on the book's StockLevel row) from an app-bound one
// (transactions open but "idle in transaction": PostgreSQL waits for the Node process).
import type { PrismaClient } from '../../lib/database/prisma-client';

/** Set on the workers' connection string so that only their sessions are sampled. */
export const WORKER_APPLICATION_NAME = 'librairie-bench-worker';
const INTERVAL_MS = 100;

export const SESSION_STATES = ['running', 'i/o', 'row lock', 'app (in tx)', 'idle in pool'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

function classify(state: string | null, waitType: string | null): SessionState | null {
  if (state === 'idle') return 'idle in pool';
  if (state === 'idle in transaction') return 'app (in tx)';
  if (state !== 'active') return null;
  if (waitType === null) return 'running';
  if (waitType === 'Lock') return 'row lock';
  // ClientRead while active is the tail of a protocol message; count it with the app.
  if (waitType === 'Client') return 'app (in tx)';
  return 'i/o';
}

/** Starts sampling; `stop()` resolves to the share of samples in each state (0–1), or rejects with the first failed sample. */
export function sampleSessions(db: PrismaClient): { stop(): Promise<Map<SessionState, number>> } {
  const counts = new Map<SessionState, number>();
  let pending: Promise<void> = Promise.resolve();
  let busy = false;
  let failure: unknown;
  const sample = () => {
    if (busy) return; // never pile queries up on a loaded machine
    busy = true;
    pending = db.$queryRaw<{ state: string | null; wait_event_type: string | null }[]>`
      SELECT state, wait_event_type FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ${WORKER_APPLICATION_NAME}`
      .then((rows) => {
        for (const row of rows) {
          const state = classify(row.state, row.wait_event_type);
          if (state) counts.set(state, (counts.get(state) ?? 0) + 1);
        }
      })
      // Kept for stop(): a rejection left unhandled between samples would crash the run.
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(sample, INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      if (failure !== undefined) throw failure;
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      return new Map(SESSION_STATES.map((state) => [state, total === 0 ? 0 : (counts.get(state) ?? 0) / total]));
    },
  };
}
