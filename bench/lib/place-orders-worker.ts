// One app instance for bench/holds.ts: a separate Node process with its own connection pool
// that places orders through the real placeOrder, `concurrency` at a time, when told to go.
// Started by bench/holds.ts with --conditions=react-server (as Next.js runs lib/data) and tsx;
// the same approach as scripts/test/place-orders-worker.ts, plus a start barrier and a
// concurrency limit so that the sequential baseline and the contended runs share one worker.
import { placeOrder } from '../../lib/data/buying/checkout';
import { getDb } from '../../lib/db';
import { SAMPLE_CHECKOUT_FORM } from '../../scripts/test/fixtures/checkout-form';
import {
  ParentMessageSchema,
  THREW,
  type OrderOutcome,
  type ParentMessage,
  type WorkerMessage,
} from './worker-protocol';

const FORM = SAMPLE_CHECKOUT_FORM;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('place-orders-worker must be started with an IPC channel (fork)'));
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function placeOne(cartId: string): Promise<OrderOutcome> {
  const started = performance.now();
  try {
    const result = await placeOrder(cartId, FORM, new Date(), `bench-${cartId}`);
    const latencyMs = performance.now() - started;
    return result.ok
      ? { ok: true, cartId, latencyMs }
      : { ok: false, cartId, latencyMs, code: result.code, message: result.message };
  } catch (error) {
    // Not swallowed: reported to the parent, which counts it as a broken invariant and prints it.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, cartId, latencyMs: performance.now() - started, code: THREW, message };
  }
}

/** Places the orders with at most `concurrency` in flight; outcomes in the carts' order. */
async function placeAll(cartIds: string[], concurrency: number): Promise<OrderOutcome[]> {
  const outcomes: OrderOutcome[] = new Array(cartIds.length);
  let next = 0;
  const runner = async () => {
    while (next < cartIds.length) {
      const index = next++;
      outcomes[index] = await placeOne(cartIds[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cartIds.length) }, runner));
  return outcomes;
}

function nextMessage(): Promise<ParentMessage> {
  return new Promise((resolve, reject) => {
    process.once('message', (raw: unknown) => {
      const parsed = ParentMessageSchema.safeParse(raw);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`place-orders-worker: unexpected message ${JSON.stringify(raw).slice(0, 200)}`));
    });
  });
}

const prepare = nextMessage();
await send({ type: 'listening' });
const plan = await prepare;
if (plan.type !== 'prepare') throw new Error(`place-orders-worker: expected "prepare", got "${plan.type}"`);

const warmUp = await placeAll(plan.warmUpCartIds, plan.concurrency);
const failedWarmUp = warmUp.find((outcome) => !outcome.ok);
if (failedWarmUp && !failedWarmUp.ok) {
  throw new Error(`place-orders-worker: warm-up order refused (${failedWarmUp.code}: ${failedWarmUp.message})`);
}

const go = nextMessage();
await send({ type: 'ready' });
if ((await go).type !== 'go') throw new Error('place-orders-worker: expected "go"');

const cpuBefore = process.cpuUsage();
const outcomes = await placeAll(plan.cartIds, plan.concurrency);
const cpu = process.cpuUsage(cpuBefore);
await send({ type: 'done', outcomes, cpuMs: (cpu.user + cpu.system) / 1000 });
await getDb().$disconnect();
process.disconnect();
