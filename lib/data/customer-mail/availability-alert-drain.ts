import 'server-only';
import pg from 'pg';
import { getEnv } from '@/lib/env';
import type { AvailabilityAlertEmailKind } from '@/lib/email/kinds';
import { shopIdentityOf } from '@/lib/shop/shop-identity';
import { logger } from '@/lib/observability/logger';
import { JOB_LIMITS, transactOrThrow } from '@/lib/data/platform/transactions';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { alertBooks, enqueueAlertEmail } from './availability-alert-emails';

// The worker's side of availability alerts (scripts/worker.ts, queue availability-alerts, every
// minute, and at once on the trigger's NOTIFY): the alerts the trigger on Book marked due become
// e-mails, a batch per transaction. Rows are taken FOR UPDATE SKIP LOCKED, so any number of
// workers drain side by side without waiting for each other nor taking the same alert; the
// outbox's unique (kind, alert, version) makes a second e-mail impossible even so.

const BATCH = 100;
const CHANNEL = 'availability_alert_due';

const KIND_OF: Record<'available' | 'out_of_print', AvailabilityAlertEmailKind> = {
  available: 'availability_alert_available',
  out_of_print: 'availability_alert_out_of_print',
};

/** One batch: its e-mails owed and its alerts closed, in one transaction. How many alerts it closed. */
async function drainBatch(now: Date): Promise<number> {
  return transactOrThrow(async (tx) => {
    const due = await tx.$queryRaw<
      { id: number; bookId: number; email: string; outcome: 'available' | 'out_of_print' }[]
    >`
      SELECT "id", "bookId", "email", "outcome"::text AS "outcome" FROM "AvailabilityAlert"
      WHERE "status" = 'due' ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return 0;
    const books = await alertBooks(tx, [...new Set(due.map((alert) => alert.bookId))]);
    const shop = shopIdentityOf(await readShopSettings(tx));
    for (const alert of due) {
      await enqueueAlertEmail(tx, alert.id, KIND_OF[alert.outcome], 0, {
        email: alert.email,
        book: books.get(alert.bookId)!,
        shop,
      });
    }
    await tx.$executeRaw`
      UPDATE "AvailabilityAlert" SET "status" = 'closed', "closedAt" = ${now}, "updatedAt" = now()
      WHERE "id" = ANY(${due.map((alert) => alert.id)}::int[])`;
    return due.length;
  }, JOB_LIMITS);
}

/** Every due alert, a batch at a time, until none is left that another worker does not hold. */
export async function drainDueAlerts(now: () => Date = () => new Date()): Promise<{ alertsClosed: number }> {
  let alertsClosed = 0;
  for (;;) {
    const closed = await drainBatch(now());
    alertsClosed += closed;
    if (closed < BATCH) return { alertsClosed };
  }
}

export type AlertListener = { stop(): Promise<void> };

/**
 * Drains as soon as a commit marked alerts due (the trigger's NOTIFY), one drain at a time in
 * this process, again if a NOTIFY came meanwhile; the minute's job catches what a lost
 * connection missed.
 */
export async function listenForDueAlerts(): Promise<AlertListener> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const drain = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const { alertsClosed } = await drainDueAlerts();
          if (alertsClosed > 0) logger.info({ alertsClosed }, 'availability alerts e-mailed');
        } while (again && !stopped);
      } catch (error) {
        logger.error({ err: error }, 'availability alerts drain failed, retried within a minute');
      } finally {
        running = null;
      }
    })();
  };
  const listener = new pg.Client({ connectionString: getEnv().DATABASE_URL, application_name: 'librairie-alerts' });
  listener.on('notification', drain);
  listener.on('error', (error) => logger.error({ err: error }, 'availability alerts listener'));
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  return {
    async stop() {
      stopped = true;
      await running;
      await listener.end();
    },
  };
}
