import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInContext } from '@/lib/observability/request-context';
import { createPaidOrder } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';
import { startWorker, type WorkerProcess } from '@/scripts/test/worker-process';

// One request followed into the worker: a payment applied while handling a request (its id in
// the context, as scripts/serve.ts runs each request) queues the confirmation e-mail; the worker's
// log lines for that e-mail are JSON objects carrying the same request id, and the job's own id.

const db = openTestDatabase();
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  // Only this file's e-mails: jobs other files left would be sent first.
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'email-delivery' AND state IN ('created', 'retry', 'active')`;
});

afterAll(async () => {
  await worker?.kill();
});

type LogLine = Record<string, unknown>;

function logLines(output: string[]): LogLine[] {
  return output
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

describe('the worker’s logs', () => {
  it('carry the id of the request whose payment owed the e-mail', async () => {
    const requestId = `test-request-${Date.now()}`;
    const { order } = await runInContext({ requestId }, () => createPaidOrder(db, { onHand: 3, withSupplier: true }));
    const email = await db.emailMessage.findFirstOrThrow({
      where: { orderId: order.id, kind: 'order_confirmation' },
      select: { id: true },
    });
    const [job] = await db.$queryRaw<{ id: string; data: { requestId?: string } }[]>`
      SELECT id::text AS id, data FROM pgboss.job WHERE name = 'email-delivery' AND (data->>'emailId')::int = ${email.id}`;
    expect(job?.data.requestId).toBe(requestId);

    worker = startWorker({ LOG_LEVEL: 'info' });
    const deadline = Date.now() + 60_000;
    let line: LogLine | undefined;
    while (!line) {
      if (Date.now() > deadline) throw new Error(`No log line for the e-mail:\n${worker.output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      // Every line the worker writes is one JSON object (JSON.parse throws on any other).
      line = logLines(worker.output).find((entry) => entry.emailId === email.id);
    }
    expect(line).toMatchObject({
      msg: 'e-mail',
      outcome: 'sent',
      level: 'info',
      process: 'worker',
      queue: 'email-delivery',
      requestId,
      jobId: job?.id,
    });
  });
});
