// The shop's background jobs on a PostgreSQL-backed queue (pg-boss): `npm start` runs it beside
// the app. Any number of workers may run against one database: pg-boss hands each job to one
// of them and keeps one copy of each schedule.
// Run with: node --conditions=react-server --import tsx scripts/worker.ts (as lib/data expects).
import { PgBoss } from 'pg-boss';
import { getDb } from '../lib/db';
import { purgeAbandoned } from '../lib/data/purge';
import { deleteUnsentPurges, startFrontCacheFlusher, type FrontCacheFlusher } from '../lib/data/front-cache-flusher';
import { getEnv } from '../lib/env';

const PURGE = 'purge-abandoned';

const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 2, application_name: 'librairie-worker' });
boss.on('error', (error) => console.error('[worker] pg-boss', error));
await boss.start();
await boss.createQueue(PURGE);
// Every minute: expired holds back on the shelf, abandoned orders closed, old carts deleted.
await boss.schedule(PURGE, '* * * * *');
await boss.work(PURGE, async () => {
  const report = { ...(await purgeAbandoned(new Date())), deletedUnsentPurges: await deleteUnsentPurges(new Date()) };
  if (Object.values(report).some((count) => count > 0)) console.log(`[worker] ${PURGE}`, JSON.stringify(report));
});
// Behind a front cache: its purges, on NOTIFY and when delayed ones fall due (lib/data/front-cache-flusher.ts).
const flusher: FrontCacheFlusher | null =
  getEnv().FRONT_CACHE_PURGE_URLS.length > 0 ? await startFrontCacheFlusher() : null;
console.log('[worker] tâches de fond démarrées (file PostgreSQL pg-boss).');

const stop = async () => {
  await boss.stop({ graceful: true, timeout: 10_000 });
  await flusher?.stop();
  await getDb().$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
