import 'server-only';
import pg from 'pg';
import { getEnv } from '@/lib/env';
import { deleteUnsentFrontCachePurges, flushFrontCachePurges, msUntilNextFrontCachePurge } from './front-cache';
import { logger } from '@/lib/observability/logger';

// The worker's side of the front cache's purges (scripts/worker.ts): what no write path flushed
// after its commit (a change made by a script, by psql, the delayed second purge of every
// change) reaches the caches here. The triggers NOTIFY on the channel below; a timer wakes the
// flusher when the next delayed row is due, and every few seconds in case a NOTIFY was missed
// (a reconnection) or a cache did not answer.

const CHANNEL = 'front_cache_purge';
const RETRY_MS = 3_000;

export type FrontCacheFlusher = { stop(): Promise<void> };

export async function startFrontCacheFlusher(): Promise<FrontCacheFlusher> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const wakeIn = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void flush(), ms);
  };
  const flush = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await flushFrontCachePurges();
        } while (again && !stopped);
        const next = await msUntilNextFrontCachePurge();
        wakeIn(next === null ? RETRY_MS : Math.min(Math.max(next, 20), RETRY_MS));
      } catch (error) {
        logger.error({ err: error }, 'front cache purge failed');
        wakeIn(RETRY_MS);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const listener = new pg.Client({ connectionString: getEnv().DATABASE_URL, application_name: 'librairie-purges' });
  listener.on('notification', () => void flush());
  listener.on('error', (error) => logger.error({ err: error }, 'front cache listener'));
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  void flush();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await listener.end();
    },
  };
}

/** Without a front cache nothing is sent: the rows the triggers write are deleted after a day. */
export async function deleteUnsentPurges(now: Date): Promise<number> {
  return getEnv().FRONT_CACHE_PURGE_URLS.length === 0 ? deleteUnsentFrontCachePurges(now) : 0;
}
