// One "app instance" for the order desk's concurrency tests: a separate Node process with its
// own connection pool that runs its commands all at once and prints what each one was told.
// Run with --conditions=react-server (as Next.js runs lib/data).
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { logIn, type LoginAttempt } from '../../lib/auth/login';
import { applyStripeEvent } from '../../lib/data/buying/payments';
import { placeOrderOnAccount } from '../../lib/data/buying/orders-on-account';
import type { OnAccountForm } from '../../lib/validation/orders-on-account';
import { getDb } from '../../lib/db';
import { announceSupplierDelay } from '../../lib/data/order-desk/supplier-delays';
import { changeOrderStatus, type StatusChange } from '../../lib/data/order-desk/workflow';
import { recordRefundRequest, type RefundOrderInput } from '../../lib/data/order-desk/refunds';
import type { Actor } from '../../lib/data/staff/staff';
import { declareWithdrawal } from '../../lib/data/order-desk/withdrawals';
import { recordPreOrderCancellation } from '../../lib/data/order-desk/pre-orders';
import type { WithdrawalForm } from '../../lib/validation/tracking';
import { recordTransfer } from '../../lib/data/invoicing/transfers';

export type WorkerCommand =
  | { kind: 'status'; actor: Actor; items: StatusChange[] }
  | { kind: 'refund'; actor: Actor; items: RefundOrderInput[] }
  /** `expectedOn`: "yyyy-mm-dd", the day the form posts. */
  | { kind: 'delay'; actor: Actor; items: { reference: string; version: number; lineId: number; expectedOn: string }[] }
  | { kind: 'login'; items: LoginAttempt[] }
  /** A customer's "Confirmer la rétractation", as the tracking page posts it. */
  | { kind: 'withdraw'; items: { orderId: number; form: WithdrawalForm }[] }
  /** A customer's "Confirmer l’annulation" of a pre-order (recorded; Stripe is called after). */
  | { kind: 'cancel-pre-order'; items: { orderId: number }[] }
  /** Stripe's checkout.session.completed for each order, as the webhook applies it. */
  | { kind: 'pay'; items: { reference: string; sessionId: string }[] }
  /** A buyer's « Commander sur compte », as the checkout's action posts it. */
  | { kind: 'on_account'; items: { email: string; cartId: string; form: OnAccountForm }[] }
  /** « Enregistrer le virement » on an invoice on account; `receivedOn`: "yyyy-mm-dd". */
  | {
      kind: 'transfer';
      actor: Actor;
      items: { invoiceNumber: string; amountCents: number; receivedOn: string; bankReference: string }[];
    };

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
  case 'delay':
    results = await Promise.all(
      command.items.map(async (item) =>
        outcome(
          await announceSupplierDelay(command.actor, {
            ...item,
            expectedOn: new Date(`${item.expectedOn}T00:00:00Z`),
          }),
        ),
      ),
    );
    break;
  case 'withdraw':
    results = await Promise.all(
      command.items.map(async (item) =>
        outcome(await declareWithdrawal(item.orderId, item.form, new Date(), '192.0.2.90')),
      ),
    );
    break;
  case 'cancel-pre-order':
    results = await Promise.all(
      command.items.map(async (item) => outcome(await recordPreOrderCancellation(item.orderId, '192.0.2.91'))),
    );
    break;
  case 'login':
    results = await Promise.all(command.items.map(async (item) => outcome(await logIn(item, new Date()))));
    break;
  case 'on_account':
    results = await Promise.all(
      command.items.map(async (item) =>
        outcome(
          await placeOrderOnAccount({ email: item.email }, item.cartId, item.form, new Date(), `client-${item.cartId}`),
        ),
      ),
    );
    break;
  case 'transfer':
    results = await Promise.all(
      command.items.map(async (item) =>
        outcome(await recordTransfer(command.actor, { ...item, receivedOn: new Date(`${item.receivedOn}T00:00:00Z`) })),
      ),
    );
    break;
  case 'pay':
    results = await Promise.all(
      command.items.map(async (item) =>
        outcome(
          await applyStripeEvent(
            {
              id: `evt_${randomUUID()}`,
              object: 'event',
              type: 'checkout.session.completed',
              data: {
                object: {
                  id: item.sessionId,
                  object: 'checkout.session',
                  client_reference_id: item.reference,
                  payment_status: 'paid',
                  payment_intent: `pi_${item.reference}`,
                },
              },
            } as unknown as Stripe.Event,
            new Date(),
          ),
        ),
      ),
    );
    break;
}
const elapsedMs = performance.now() - started;
await getDb().$disconnect();
// pg-boss's producer (an e-mail owed by the change) keeps a pool of its own open: exit once written.
process.stdout.write(JSON.stringify({ results, elapsedMs }), () => process.exit(0));
