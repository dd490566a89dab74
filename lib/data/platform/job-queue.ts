import 'server-only';
import { fromPrisma, PgBoss } from 'pg-boss';
import { getEnv } from '@/lib/env';
import { createPool } from '@/lib/database/prisma-client';
import type { QueueName } from '@/lib/jobs/queues';
import { logger } from '@/lib/observability/logger';
import { watchPool } from '@/lib/observability/metrics';
import { currentRequestId } from '@/lib/observability/request-context';
import type { Tx } from './transactions';

// The app's side of the job queue: it only sends. A pg-boss instance that neither migrates,
// supervises nor schedules (the worker does, scripts/worker.ts); its schema and queues exist
// before the app starts (scripts/lib/job-queues.ts). A job sent with a transaction client is
// written by that transaction (pg-boss's `db` option with its Prisma adapter): it exists if and
// only if the change that caused it does.
// pg-boss's own queries (its start, a send outside a transaction) use a pool of their own, of two
// connections: the first send often comes from inside a transaction (a payment), and on the app's
// pool, N such transactions at once on a pool of N would wait for each other until they time out.
// A job sent while handling a request carries the request's id (`requestId` in its data): the
// worker logs the job's lines under it (scripts/worker.ts), so one request can be followed into
// the e-mails and lookups it caused.

const globalForQueue = globalThis as typeof globalThis & { librairieJobQueue?: Promise<PgBoss> };

let pool: ReturnType<typeof createPool> | undefined;
function ownPool() {
  if (!pool) {
    pool = createPool(getEnv().DATABASE_URL, { size: 2 });
    watchPool('job_queue', pool);
  }
  return pool;
}

function producer(): Promise<PgBoss> {
  globalForQueue.librairieJobQueue ??= (async () => {
    const boss = new PgBoss({
      db: { executeSql: async (text, values) => ownPool().query(text, values) },
      migrate: false,
      supervise: false,
      schedule: false,
      registerInstance: false,
    });
    boss.on('error', (error) => logger.error({ err: error }, 'job queue'));
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    // The next send tries again (the database may have been down at that moment).
    globalForQueue.librairieJobQueue = undefined;
    throw error;
  });
  return globalForQueue.librairieJobQueue;
}

/** Queues a job, inside `tx` when given (same commit or same rollback as the change). */
export async function sendJob(queue: QueueName, data: object, tx?: Tx): Promise<void> {
  const boss = await producer();
  const requestId = currentRequestId();
  const id = await boss.send(queue, requestId ? { ...data, requestId } : data, tx ? { db: fromPrisma(tx) } : {});
  if (!id) throw new Error(`pg-boss refused a job on ${queue}`);
}
