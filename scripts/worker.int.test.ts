import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJob } from '@/lib/data/platform/job-queue';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { createPaidOrder } from '@/scripts/test/order-desk-fixtures';
import { startSmtpCatcher, type SmtpCatcher } from '@/scripts/test/smtp-catcher';
import { openTestDatabase } from '@/scripts/test/test-database';
import { startWorker, type WorkerProcess } from '@/scripts/test/worker-process';

// The worker as `npm start` runs it (scripts/worker.ts, its own process), sending through a real
// SMTP server (smtp-server on a local port): the e-mail owed by a commit goes out once, whether the
// worker is killed in the middle of sending it, or the job runs twice, or two workers run.

const db = openTestDatabase();
let smtp: SmtpCatcher;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  // Other test files owe e-mails too (every paid order) and run no worker: their jobs would come
  // first (older) and the worker killed here would be holding one of theirs. Only this file's jobs.
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'email-delivery' AND state IN ('created', 'retry', 'active')`;
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
  await smtp.close();
});

function worker(): WorkerProcess {
  const started = startWorker({ SMTP_URL: smtp.url });
  workers.push(started);
  return started;
}

async function confirmationOf(orderId: number) {
  return db.emailMessage.findFirstOrThrow({
    where: { orderId, kind: 'order_confirmation' },
    select: { id: true, status: true, transport: true, text: true, sentAt: true },
  });
}

/** Messages the SMTP server accepted for this outbox row (its Message-ID names it). */
function deliveredCopies(emailId: number) {
  return smtp.messages.filter((message) => message.raw.includes(`courriel-${emailId}@`));
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for: ${what}\n${workers.map((w) => w.output.join('')).join('\n---\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function jobStates(emailId: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ state: string }[]>`
    SELECT state::text AS state FROM pgboss.job WHERE name = 'email-delivery' AND (data->>'emailId')::int = ${emailId} ORDER BY created_on`;
  return rows.map((row) => row.state);
}

describe('the worker process', () => {
  it('killed between the commit and the send, it still delivers the e-mail once after a restart', async () => {
    // The payment commits with its e-mail and job while no worker runs.
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const owed = await confirmationOf(order.id);
    expect(owed.status).toBe('pending');

    // A worker takes the job and is killed in the middle of the SMTP exchange.
    smtp.holdNext();
    const first = worker();
    await smtp.held();
    await first.kill();
    const afterCrash = await confirmationOf(order.id);
    expect(afterCrash).toMatchObject({ status: 'pending', sentAt: null });
    expect(await db.trackingToken.count({ where: { orderId: order.id } })).toBe(0);
    expect(deliveredCopies(owed.id)).toHaveLength(0);

    // Restarted, the worker finds the job whose heartbeat stopped, and sends it.
    worker();
    await until(
      async () => (await confirmationOf(order.id)).status === 'sent',
      'the confirmation sent after the restart',
    );
    const sent = await confirmationOf(order.id);
    expect(sent.transport).toBe('smtp');
    const copies = deliveredCopies(owed.id);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.to).toEqual(['lecteur@exemple.fr']);
    // The customer got the link; the stored copy does not keep its secret.
    const token = /\/suivi\/([A-Za-z0-9_-]{43})/.exec(copies[0]!.raw.replace(/=\r?\n/g, ''))?.[1];
    expect(token).toBeDefined();
    expect(await findOrderIdByTrackingToken(token!, new Date())).toBe(order.id);
    expect(sent.text).toContain('/suivi/[lien-personnel]');
    expect(sent.text).not.toContain(token!);
  }, 150_000);

  it('a job processed twice, by two workers at once, sends one e-mail', async () => {
    worker();
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const owed = await confirmationOf(order.id);
    // The same e-mail's job twice more, as a redelivered or replayed job would be.
    await sendJob(QUEUE_NAMES.email, { emailId: owed.id });
    await sendJob(QUEUE_NAMES.email, { emailId: owed.id });
    await until(
      async () => (await jobStates(owed.id)).every((state) => state === 'completed'),
      'the three jobs completed',
    );
    expect(await jobStates(owed.id)).toEqual(['completed', 'completed', 'completed']);
    expect(deliveredCopies(owed.id)).toHaveLength(1);
    expect(await db.trackingToken.count({ where: { orderId: order.id } })).toBe(1);
  }, 150_000);
});
