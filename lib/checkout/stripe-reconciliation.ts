import 'server-only';
import type Stripe from 'stripe';
import { appliedPaymentEventIds, listUnpaidCheckouts } from '@/lib/data/buying/orders';
import { getStripe } from '@/lib/stripe';
import { logger } from '@/lib/observability/logger';
import type { PaymentSource } from '@/lib/observability/metrics';
import { handleStripeEvent, StripeUnavailable } from './stripe-events';

// Nothing lost when a webhook never comes (the shop down, a network cut, a misconfigured
// endpoint): a job (scripts/worker.ts, every minute and at start-up) asks Stripe for the events
// whose webhook was not delivered and applies them through the webhook's own path
// (stripe-events.ts), where the event id makes a second application a no-op. A second sweep asks
// Stripe about the orders still unpaid whose payment page is complete, for events Stripe would
// still be retrying. https://docs.stripe.com/webhooks#retries, https://docs.stripe.com/api/events/list

/** The events the shop acts on (lib/data/buying/payments.ts). */
export const RECONCILED_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
];

/** Stripe retries a failed delivery for up to three days; a little more, to be sure. */
export const RECONCILIATION_LOOKBACK_HOURS = 80;

/**
 * At most this many events listed per run: the events the shop applies itself stay "not
 * delivered" at Stripe, so a long outage lists the same ones again; those already applied are
 * skipped before anything else is asked of Stripe.
 */
const MAX_EVENTS_PER_RUN = 20_000;

/** Events scanned to find one session's, on the confirmation page or for one unpaid order. */
const MAX_EVENTS_PER_SESSION = 500;

export type ReconciliationReport = {
  /** Events Stripe listed as not delivered, and sessions found complete while their order waits. */
  listed: number;
  applied: number;
  /** Their webhook came meanwhile, or an earlier run applied them. */
  alreadyApplied: number;
  /** A refund whose payment is not recorded yet, the database busy, Stripe unreachable: next run. */
  postponed: number;
};

type Tally = Omit<ReconciliationReport, 'listed'>;

async function applyInOrder(events: Stripe.Event[], now: Date, tally: Tally, source: PaymentSource): Promise<void> {
  const applied = await appliedPaymentEventIds(events.map((event) => event.id));
  tally.alreadyApplied += applied.size;
  // Oldest first: a payment before its refund, as they happened (Stripe lists newest first).
  const ordered = events
    .filter((event) => !applied.has(event.id))
    .reverse()
    .sort((a, b) => a.created - b.created);
  for (const event of ordered) {
    let result;
    try {
      result = await handleStripeEvent(event, now, source);
    } catch (error) {
      if (!(error instanceof StripeUnavailable)) throw error;
      tally.postponed += 1;
      continue;
    }
    if (!result.ok) tally.postponed += 1;
    else if (result.outcome === 'duplicate') tally.alreadyApplied += 1;
    else tally.applied += 1;
  }
}

async function collect(list: Stripe.ApiListPromise<Stripe.Event>, max: number, keep = (_: Stripe.Event) => true) {
  const events: Stripe.Event[] = [];
  let scanned = 0;
  for await (const event of list) {
    if (keep(event)) events.push(event);
    scanned += 1;
    if (scanned >= max) break;
  }
  return events;
}

/** The events of one Checkout Session since `since`, as Stripe lists them. */
async function sessionEvents(stripe: Stripe, sessionId: string, since: Date): Promise<Stripe.Event[]> {
  const list = stripe.events.list({
    types: RECONCILED_EVENT_TYPES.filter((type) => type.startsWith('checkout.session.')),
    created: { gte: Math.floor(since.getTime() / 1000) - 60 },
    limit: 100,
  });
  return collect(list, MAX_EVENTS_PER_SESSION, (event) => (event.data.object as { id?: string }).id === sessionId);
}

/**
 * The confirmation page's check: the order still waits, but is its payment page complete at
 * Stripe? Then its events are applied now. Returns whether something was applied.
 */
export async function recoverSessionPayment(sessionId: string, orderedAt: Date, now = new Date()): Promise<boolean> {
  const stripe = getStripe();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  if (session.status !== 'complete') return false;
  const tally: Tally = { applied: 0, alreadyApplied: 0, postponed: 0 };
  await applyInOrder(await sessionEvents(stripe, sessionId, orderedAt), now, tally, 'confirmation_page');
  return tally.applied > 0;
}

/**
 * `since`: after a database restored to an earlier minute, every event since then, delivered or
 * not (their webhooks came before the disaster, the restored database lost their effect).
 */
export async function reconcileWithStripe(
  now = new Date(),
  options: { since?: Date } = {},
): Promise<ReconciliationReport> {
  const stripe = getStripe();
  const undelivered = await collect(
    stripe.events.list({
      types: RECONCILED_EVENT_TYPES,
      created: {
        gte: Math.floor((options.since?.getTime() ?? now.getTime() - RECONCILIATION_LOOKBACK_HOURS * 3600_000) / 1000),
      },
      ...(options.since ? {} : { delivery_success: false }),
      limit: 100,
    }),
    MAX_EVENTS_PER_RUN,
  );
  if (undelivered.length >= MAX_EVENTS_PER_RUN)
    logger.warn(`stripe reconciliation: ${MAX_EVENTS_PER_RUN} events listed, the oldest wait for the next runs`);
  const tally: Tally = { applied: 0, alreadyApplied: 0, postponed: 0 };
  await applyInOrder(undelivered, now, tally, 'reconciliation');

  // Orders still waiting whose page Stripe may have completed, its webhook still being retried.
  let sessions = 0;
  for (const order of await listUnpaidCheckouts(now)) {
    const session = await retrieveSession(stripe, order.stripeSessionId);
    if (session?.status !== 'complete') continue;
    sessions += 1;
    await applyInOrder(
      await sessionEvents(stripe, order.stripeSessionId, order.createdAt),
      now,
      tally,
      'reconciliation',
    );
  }
  return { listed: undelivered.length + sessions, ...tally };
}

/**
 * The order's Checkout Session, or null when Stripe knows none by that id (404 resource_missing,
 * https://docs.stripe.com/error-codes#resource-missing: a session of another account or mode):
 * that order is left for staff, and the others are still reconciled. Any other error (Stripe
 * unreachable) stops the run, which the next minute's repeats.
 */
async function retrieveSession(stripe: Stripe, sessionId: string): Promise<Stripe.Checkout.Session | null> {
  try {
    return await stripe.checkout.sessions.retrieve(sessionId);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 'resource_missing') throw error;
    logger.warn({ sessionId }, 'stripe reconciliation: Stripe knows no such Checkout Session, order skipped');
    return null;
  }
}
