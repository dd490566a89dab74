// The worker processes of bench/holds.ts, each an app instance calling the real placeOrder
// (place-orders-worker.ts): started, driven through worker-protocol.ts, timed from "go".
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_APPLICATION_NAME } from './session-sampler';
import { WorkerMessageSchema, type OrderOutcome, type ParentMessage, type WorkerMessage } from './worker-protocol';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = path.join(ROOT, 'bench/lib/place-orders-worker.ts');

const liveWorkers = new Set<ChildProcess>();

/** Stops the workers still running: on the way out, even after Ctrl-C. */
export function killLiveWorkers(): void {
  for (const child of liveWorkers) child.kill();
}

/** Tags the workers' sessions in pg_stat_activity (node-postgres reads application_name from the URL). */
function withApplicationName(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', WORKER_APPLICATION_NAME);
  return url.toString();
}

function startWorker(databaseUrl: string): ChildProcess {
  const child = fork(WORKER, [], {
    cwd: ROOT,
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    // What lib/env.ts requires; placeOrder never calls Stripe, so the emulator URL leads nowhere.
    env: {
      ...process.env,
      DATABASE_URL: withApplicationName(databaseUrl),
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: 'b'.repeat(32),
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_secret_for_workers',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  liveWorkers.add(child);
  child.once('exit', () => liveWorkers.delete(child));
  return child;
}

/** The worker's next message, which must be of this type; rejects if it exits first. */
function nextMessage<T extends WorkerMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<WorkerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null, message?: WorkerMessage) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as Extract<WorkerMessage, { type: T }>);
    };
    const onMessage = (raw: unknown) => {
      const parsed = WorkerMessageSchema.safeParse(raw);
      if (!parsed.success)
        settle(new Error(`worker ${child.pid} sent an unexpected message: ${JSON.stringify(raw).slice(0, 200)}`));
      else if (parsed.data.type !== type)
        settle(new Error(`worker ${child.pid} sent "${parsed.data.type}", expected "${type}"`));
      else settle(null, parsed.data);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      settle(
        new Error(`worker ${child.pid} exited (${signal ?? `code ${code}`}) before "${type}"; its errors are above`),
      );
    if (child.exitCode !== null || child.signalCode !== null) return onExit(child.exitCode, child.signalCode);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (code: number | null, signal: NodeJS.Signals | null) =>
      code === 0 ? resolve() : reject(new Error(`worker ${child.pid} exited with ${signal ?? `code ${code}`}`));
    if (child.exitCode !== null || child.signalCode !== null) check(child.exitCode, child.signalCode);
    else child.once('exit', check);
  });
}

const send = (child: ChildProcess, message: ParentMessage) => child.send(message);

export type WorkerPlan = { warmUpCartIds: string[]; cartIds: string[]; concurrency: number };

/**
 * Starts one worker per plan, lets each warm up, then tells them all to go at once and times
 * from "go" to the last answer: process start-up and warm-up stay out of the figure.
 */
export async function placeOrdersFromWorkers(
  databaseUrl: string,
  plans: WorkerPlan[],
): Promise<{ outcomes: OrderOutcome[]; wallMs: number; cpuMs: number }> {
  const children = plans.map(() => startWorker(databaseUrl));
  try {
    await Promise.all(
      children.map(async (child, index) => {
        await nextMessage(child, 'listening');
        const ready = nextMessage(child, 'ready');
        send(child, { type: 'prepare', ...(plans[index] as WorkerPlan) });
        await ready;
      }),
    );
    const done = children.map((child) => nextMessage(child, 'done'));
    const started = performance.now();
    for (const child of children) send(child, { type: 'go' });
    const answers = await Promise.all(done);
    const wallMs = performance.now() - started;
    await Promise.all(children.map(exited));
    return {
      outcomes: answers.flatMap((answer) => answer.outcomes),
      wallMs,
      cpuMs: answers.reduce((sum, answer) => sum + answer.cpuMs, 0),
    };
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}
