// The shop's background jobs on a PostgreSQL-backed queue (pg-boss): `npm start` runs it beside
// the app. Any number of workers may run against one database: pg-boss hands each job to one
// of them and keeps one copy of each schedule. Queues and their retry settings: lib/jobs/queues.ts.
// Run with: node --conditions=react-server --import tsx scripts/worker.ts (as lib/data expects).
import { PgBoss } from 'pg-boss';
import { getDb } from '../lib/db';
import { deliverEmail } from '../lib/data/customer-mail/email-delivery';
import { purgeAbandoned } from '../lib/data/buying/purge';
import { enforceRetention } from '../lib/data/privacy/retention';
import { importInbox } from '../lib/data/catalog/onix-inbox';
import { runInvariantCheck } from '../lib/data/watch/invariants';
import {
  deleteUnsentPurges,
  startFrontCacheFlusher,
  type FrontCacheFlusher,
} from '../lib/data/platform/front-cache-flusher';
import { answerTrackingLookup, type TrackingLookup } from '../lib/data/customer-mail/tracking-lookup';
import { reconcileWithStripe } from '../lib/checkout/stripe-reconciliation';
import { getEnv } from '../lib/env';
import { QUEUE_NAMES } from '../lib/jobs/queues';
import { defineQueues } from './lib/job-queues';

const boss = new PgBoss({
  connectionString: getEnv().DATABASE_URL,
  max: 3,
  application_name: 'librairie-worker',
  // A worker that died mid-job stops its heartbeat; the one still running notices within 10 s.
  superviseIntervalSeconds: 10,
  monitorIntervalSeconds: 10,
});
boss.on('error', (error) => console.error('[worker] pg-boss', error));
await boss.start();
await defineQueues(boss);

// Every minute: expired holds back on the shelf, abandoned orders closed, old carts deleted.
await boss.schedule(QUEUE_NAMES.purge, '* * * * *');
await boss.work(QUEUE_NAMES.purge, async () => {
  const report = { ...(await purgeAbandoned(new Date())), deletedUnsentPurges: await deleteUnsentPurges(new Date()) };
  if (Object.values(report).some((count) => count > 0))
    console.log(`[worker] ${QUEUE_NAMES.purge}`, JSON.stringify(report));
});

// E-mails owed (EmailMessage rows), one job each; a failure is retried with backoff by pg-boss.
const emailOptions = { includeMetadata: true, localConcurrency: 2 } as const;
await boss.work<{ emailId: number }, void, typeof emailOptions>(QUEUE_NAMES.email, emailOptions, async ([job]) => {
  if (!job) return;
  const outcome = await deliverEmail(job.data.emailId, { final: job.retryCount >= job.retryLimit });
  console.log(`[worker] courriel ${job.data.emailId} : ${outcome}`);
});

// Every minute and at start-up: the payments whose webhook never came, recovered from Stripe.
await boss.schedule(QUEUE_NAMES.stripeReconcile, '* * * * *');
// A job with `since` comes from `npm run restore`: every event since the restored minute.
await boss.work<{ since?: string }>(QUEUE_NAMES.stripeReconcile, async ([job]) => {
  const since = job?.data?.since ? new Date(job.data.since) : undefined;
  const report = await reconcileWithStripe(new Date(), { since });
  if (report.listed > 0) console.log(`[worker] ${QUEUE_NAMES.stripeReconcile}`, JSON.stringify(report));
});
await boss.send(QUEUE_NAMES.stripeReconcile, {});

// Every hour: what the privacy notice says is kept no longer (lib/legal/retention.ts).
await boss.schedule(QUEUE_NAMES.privacyRetention, '17 * * * *');
await boss.work(QUEUE_NAMES.privacyRetention, async () => {
  const report = await enforceRetention(new Date());
  if (Object.values(report).some((count) => count > 0))
    console.log(`[worker] ${QUEUE_NAMES.privacyRetention}`, JSON.stringify(report));
});

// Every minute: the ONIX files a distributor dropped in the inbox.
const inbox = getEnv().ONIX_INBOX_DIR;
if (inbox) {
  await boss.schedule(QUEUE_NAMES.onixInbox, '* * * * *');
  await boss.work(QUEUE_NAMES.onixInbox, async () => {
    const report = await importInbox(inbox);
    if (Object.values(report).some((count) => count > 0))
      console.log(`[worker] ${QUEUE_NAMES.onixInbox}`, JSON.stringify(report));
  });
}

// Every five minutes and at start-up: what must hold in the data, checked and recorded for
// /admin/etat; a violation is reported, never repaired.
await boss.schedule(QUEUE_NAMES.invariantCheck, '*/5 * * * *');
await boss.work(QUEUE_NAMES.invariantCheck, async () => {
  const check = await runInvariantCheck();
  if (check && check.violationCount > 0)
    console.warn(`[worker] ${QUEUE_NAMES.invariantCheck}`, JSON.stringify({ violations: check.counts }));
});
await boss.send(QUEUE_NAMES.invariantCheck, {});

await boss.work<TrackingLookup>(QUEUE_NAMES.trackingLookup, async ([job]) => {
  if (job) await answerTrackingLookup(job.data);
});

// Behind a front cache: its purges, on NOTIFY and when delayed ones fall due (lib/data/platform/front-cache-flusher.ts).
const flusher: FrontCacheFlusher | null =
  getEnv().FRONT_CACHE_PURGE_URLS.length > 0 ? await startFrontCacheFlusher() : null;
console.log(
  '[worker] tâches de fond démarrées (file PostgreSQL pg-boss) : purge, courriels, suivi, rapprochement Stripe, durées de conservation, boîte ONIX, contrôle des invariants.',
);

const stop = async () => {
  await boss.stop({ graceful: true, timeout: 10_000 });
  await flusher?.stop();
  await getDb().$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
