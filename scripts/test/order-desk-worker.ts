// One "app instance" for the order desk's concurrency tests: a separate Node process with its
// own connection pool that runs its commands all at once and prints what each one was told.
// Run with --conditions=react-server (as Next.js runs lib/data).
import { logIn, type LoginAttempt } from '../../lib/auth/login';
import { getDb } from '../../lib/db';
import { changeOrderStatus, type StatusChange } from '../../lib/data/order-desk';
import { recordRefundRequest, type RefundOrderInput } from '../../lib/data/refunds';
import type { Actor } from '../../lib/data/staff';

export type WorkerCommand =
  | { kind: 'status'; actor: Actor; items: StatusChange[] }
  | { kind: 'refund'; actor: Actor; items: RefundOrderInput[] }
  | { kind: 'login'; items: LoginAttempt[] };

export type WorkerOutcome = { ok: true } | { ok: false; code: string; message: string };

const command = JSON.parse(process.argv[2] ?? '{}') as WorkerCommand;
const outcome = (result: { ok: boolean; code?: string; message?: string }): WorkerOutcome =>
  result.ok ? { ok: true } : { ok: false, code: result.code ?? '', message: result.message ?? '' };

const started = performance.now();
let results: WorkerOutcome[];
switch (command.kind) {
  case 'status':
    results = await Promise.all(
      command.items.map(async (item) => outcome(await changeOrderStatus(command.actor, item))),
    );
    break;
  case 'refund':
    results = await Promise.all(
      command.items.map(async (item) => outcome(await recordRefundRequest(command.actor, item))),
    );
    break;
  case 'login':
    results = await Promise.all(command.items.map(async (item) => outcome(await logIn(item, new Date()))));
    break;
}
const elapsedMs = performance.now() - started;
await getDb().$disconnect();
process.stdout.write(JSON.stringify({ results, elapsedMs }));
