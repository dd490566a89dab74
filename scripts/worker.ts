// The shop's background jobs on a PostgreSQL-backed queue (pg-boss): `npm start` runs it beside
// the app. Any number of workers may run against one database: pg-boss hands each job to one
// of them and keeps one copy of each schedule. Queues and their retry settings: lib/jobs/queues.ts.
// Each job runs in its context (scripts/lib/worker-jobs.ts: its log lines carry its id, and the
// id of the request that queued it); the worker's metrics are served on WORKER_METRICS_PORT.
// Run with: node --conditions=react-server --import tsx scripts/worker.ts (as lib/data expects).
import type http from 'node:http';
import { PgBoss } from 'pg-boss';
import { getDb } from '../lib/db';
import { deliverEmail } from '../lib/data/customer-mail/email-delivery';
import { purgeAbandoned } from '../lib/data/buying/purge';
import { enforceRetention } from '../lib/data/privacy/retention';
import { importInbox } from '../lib/data/catalog/onix-inbox';
import { runInvariantCheck } from '../lib/data/watch/invariants';
import { drainDueAlerts, listenForDueAlerts } from '../lib/data/customer-mail/availability-alert-drain';
import {
  deleteUnsentPurges,
  startFrontCacheFlusher,
  type FrontCacheFlusher,
} from '../lib/data/platform/front-cache-flusher';
import { answerTrackingLookup, type TrackingLookup } from '../lib/data/customer-mail/tracking-lookup';
import { reconcileWithStripe } from '../lib/checkout/stripe-reconciliation';
import { followPreOrderChange, type PreOrderChange } from '../lib/refunds/pre-orders';
import { issueMonthEndStatements } from '../lib/data/invoicing/statements';
import { SHOP_TIME_ZONE } from '../lib/core/date';
import {
  handOverInvoice,
  handOverMissedInvoices,
  reportMissingConsumerSales,
} from '../lib/data/invoicing/e-invoice-platform';
import { getEnv } from '../lib/env';
import { QUEUE_NAMES } from '../lib/jobs/queues';
import { logger, nameProcess } from '../lib/observability/logger';
import { countEmail } from '../lib/observability/metrics';
import { defineQueues } from './lib/job-queues';
import { jobsRunning, runJob } from './lib/worker-jobs';
import { serveWorkerMetrics } from './lib/worker-metrics';

nameProcess('worker');
const env = getEnv();

const boss = new PgBoss({
  connectionString: env.DATABASE_URL,
  max: 3,
  application_name: 'librairie-worker',
  // A worker that died mid-job stops its heartbeat; the one still running notices within 10 s.
  superviseIntervalSeconds: 10,
  monitorIntervalSeconds: 10,
});
boss.on('error', (error) => logger.error({ err: error }, 'pg-boss'));
await boss.start();
await defineQueues(boss);

/** Logs a job's report when it did something. */
function report(queue: string, counts: Record<string, number>): void {
  if (Object.values(counts).some((count) => count > 0)) logger.info({ queue, report: counts }, 'job done');
}

// Every minute: expired holds back on the shelf, abandoned orders closed, old carts deleted.
await boss.schedule(QUEUE_NAMES.purge, '* * * * *');
await boss.work(QUEUE_NAMES.purge, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.purge, job, async () =>
    report(QUEUE_NAMES.purge, {
      ...(await purgeAbandoned(new Date())),
      deletedUnsentPurges: await deleteUnsentPurges(new Date()),
    }),
  );
});

// E-mails owed (EmailMessage rows), one job each; a failure is retried with backoff by pg-boss.
const emailOptions = { includeMetadata: true, localConcurrency: 2 } as const;
await boss.work<{ emailId: number }, void, typeof emailOptions>(QUEUE_NAMES.email, emailOptions, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.email, job, async () => {
    const { emailId } = job.data;
    const final = job.retryCount >= job.retryLimit;
    try {
      const outcome = await deliverEmail(emailId, { final });
      if (outcome === 'sent') countEmail('sent');
      logger.info({ emailId, outcome }, 'e-mail');
    } catch (error) {
      countEmail(final ? 'failed' : 'retried');
      logger.error(
        { err: error, emailId, final },
        final ? 'e-mail failed, shown to staff' : 'e-mail failed, retried later',
      );
      throw error;
    }
  });
});

// Every minute and at start-up: the payments whose webhook never came, recovered from Stripe.
await boss.schedule(QUEUE_NAMES.stripeReconcile, '* * * * *');
// A job with `since` comes from `npm run restore`: every event since the restored minute.
await boss.work<{ since?: string }>(QUEUE_NAMES.stripeReconcile, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.stripeReconcile, job, async () => {
    const since = job.data?.since ? new Date(job.data.since) : undefined;
    const { listed, ...counts } = await reconcileWithStripe(new Date(), { since });
    if (listed > 0) report(QUEUE_NAMES.stripeReconcile, { listed, ...counts });
  });
});
await boss.send(QUEUE_NAMES.stripeReconcile, {});

// Every hour: what the privacy notice says is kept no longer (lib/legal/retention.ts).
await boss.schedule(QUEUE_NAMES.privacyRetention, '17 * * * *');
await boss.work(QUEUE_NAMES.privacyRetention, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.privacyRetention, job, async () =>
    report(QUEUE_NAMES.privacyRetention, await enforceRetention(new Date())),
  );
});

// Every minute: the ONIX files a distributor dropped in the inbox.
const inbox = env.ONIX_INBOX_DIR;
if (inbox) {
  await boss.schedule(QUEUE_NAMES.onixInbox, '* * * * *');
  await boss.work(QUEUE_NAMES.onixInbox, async ([job]) => {
    if (!job) return;
    await runJob(QUEUE_NAMES.onixInbox, job, async () => report(QUEUE_NAMES.onixInbox, await importInbox(inbox)));
  });
}

// Every five minutes and at start-up: what must hold in the data, checked and recorded for
// /admin/etat; a violation is reported, never repaired.
await boss.schedule(QUEUE_NAMES.invariantCheck, '*/5 * * * *');
await boss.work(QUEUE_NAMES.invariantCheck, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.invariantCheck, job, async () => {
    const check = await runInvariantCheck();
    if (check && check.violationCount > 0) logger.warn({ violations: check.counts }, 'invariant violations');
  });
});
await boss.send(QUEUE_NAMES.invariantCheck, {});

// Every day at 23:55 in Paris: on the month's last day, the monthly statements of the
// organisations that asked for them (CGI art. 289, I-3: issued by the end of the month), and any
// day, those of past months still owed (a run missed, an order dispatched after the run).
await boss.schedule(QUEUE_NAMES.monthlyStatements, '55 23 * * *', {}, { tz: SHOP_TIME_ZONE });
await boss.work(QUEUE_NAMES.monthlyStatements, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.monthlyStatements, job, async () =>
    report(QUEUE_NAMES.monthlyStatements, { issued: await issueMonthEndStatements(new Date()) }),
  );
});

// Every minute, and at once when a commit marked some due (NOTIFY): the availability alerts of
// books now in stock or out of print, e-mailed once (several workers drain side by side).
await boss.schedule(QUEUE_NAMES.availabilityAlerts, '* * * * *');
await boss.work(QUEUE_NAMES.availabilityAlerts, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.availabilityAlerts, job, async () =>
    report(QUEUE_NAMES.availabilityAlerts, await drainDueAlerts()),
  );
});
await boss.send(QUEUE_NAMES.availabilityAlerts, {});
const alertListener = await listenForDueAlerts();

await boss.work<TrackingLookup>(QUEUE_NAMES.trackingLookup, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.trackingLookup, job, async () => {
    await answerTrackingLookup(job.data);
  });
});

// A pre-ordered book's price fell or its publication date moved (ONIX import, staff edit).
await boss.work<PreOrderChange>(QUEUE_NAMES.preOrderChanges, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.preOrderChanges, job, async () =>
    report(QUEUE_NAMES.preOrderChanges, await followPreOrderChange(job.data)),
  );
});

// An invoice to a business, handed to the approved e-invoicing platform (a folder until one is connected).
await boss.work<{ invoiceNumber: string }>(QUEUE_NAMES.eInvoiceHandover, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.eInvoiceHandover, job, async () => {
    const result = await handOverInvoice(job.data.invoiceNumber);
    logger.info({ invoice: job.data.invoiceNumber, result }, 'e-invoice handover');
  });
});

// Every hour: business invoices whose own job gave up, or issued before the platform existed.
await boss.schedule(QUEUE_NAMES.eInvoiceSweep, '25 * * * *');
await boss.work(QUEUE_NAMES.eInvoiceSweep, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.eInvoiceSweep, job, async () =>
    report(QUEUE_NAMES.eInvoiceSweep, { handed: await handOverMissedInvoices(new Date()) }),
  );
});

// At 02:10 Paris time: the day before's e-reporting of sales to consumers (CGI art. 290), and
// any day a stopped worker missed.
await boss.schedule(QUEUE_NAMES.consumerSalesReport, '10 2 * * *', {}, { tz: 'Europe/Paris' });
await boss.work(QUEUE_NAMES.consumerSalesReport, async ([job]) => {
  if (!job) return;
  await runJob(QUEUE_NAMES.consumerSalesReport, job, async () => {
    logger.info({ handed: await reportMissingConsumerSales(new Date()) }, 'consumer sales reports');
  });
});

// Behind a front cache: its purges, on NOTIFY and when delayed ones fall due (lib/data/platform/front-cache-flusher.ts).
const flusher: FrontCacheFlusher | null = env.FRONT_CACHE_PURGE_URLS.length > 0 ? await startFrontCacheFlusher() : null;
const metricsServer: http.Server | null = env.WORKER_METRICS_PORT
  ? await serveWorkerMetrics({ port: env.WORKER_METRICS_PORT, host: env.WORKER_METRICS_HOST, token: env.METRICS_TOKEN })
  : null;
logger.info(
  'tâches de fond démarrées (file PostgreSQL pg-boss) : purge, courriels, suivi, rapprochement Stripe, durées de conservation, boîte ONIX, contrôle des invariants, précommandes, alertes de disponibilité, relevés mensuels, factures électroniques et e-reporting.',
);

// On SIGTERM or SIGINT: no new job is taken, those running get SHUTDOWN_TIMEOUT_SECONDS to finish;
// pg-boss then fails the others, which it retries later (here or on another worker).
let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  const timeoutSeconds = env.SHUTDOWN_TIMEOUT_SECONDS;
  logger.info({ signal, jobsRunning: jobsRunning(), timeoutSeconds }, 'worker shutting down');
  await boss.stop({ graceful: true, timeout: timeoutSeconds * 1000 });
  const cutShort = jobsRunning();
  if (cutShort.length > 0) logger.warn({ jobs: cutShort }, 'worker: jobs cut short by the shutdown, retried later');
  await flusher?.stop();
  await alertListener.stop();
  metricsServer?.close();
  await getDb().$disconnect();
  logger.info('worker stopped');
  process.exit(0);
};
process.on('SIGTERM', (signal) => void stop(signal));
process.on('SIGINT', (signal) => void stop(signal));
