import type { Queue } from 'pg-boss';

// The shop's job queues (pg-boss, in PostgreSQL), their retry and expiry settings. One place:
// the worker (scripts/worker.ts) works them, `npm start` and the test set-up create them
// (scripts/lib/job-queues.ts), the app only sends to them (lib/data/platform/job-queue.ts).

export const QUEUE_NAMES = {
  /** Every minute: expired holds, abandoned orders, old carts (lib/data/buying/purge.ts). */
  purge: 'purge-abandoned',
  /** One job per e-mail owed (EmailMessage): render, send or write to the outbox (lib/data/customer-mail/email-delivery.ts). */
  email: 'email-delivery',
  /** A /suivi lookup: match the order number and the e-mail, send a tracking link if they match. */
  trackingLookup: 'tracking-lookup',
  /** Every minute and at start-up: the Stripe events whose webhook never came (lib/checkout/stripe-reconciliation.ts). */
  stripeReconcile: 'stripe-reconcile',
  /** Every hour: personal data past its retention period anonymised (lib/data/privacy/retention.ts). */
  privacyRetention: 'privacy-retention',
  /** Every minute: the ONIX files dropped in the inbox, imported one at a time (lib/data/catalog/onix-inbox.ts). */
  onixInbox: 'onix-inbox',
  /** Every five minutes and at start-up: the invariants of the shop's data checked (lib/data/watch/invariants.ts). */
  invariantCheck: 'invariant-check',
  /** A pre-ordered book's price fell or its date moved: refunds and "Nouveau délai" (lib/refunds/pre-orders.ts). */
  preOrderChanges: 'pre-order-changes',
  /**
   * Every minute, and at once on the trigger's NOTIFY: the availability alerts due (their book in
   * stock or out of print) turned into e-mails (lib/data/customer-mail/availability-alert-drain.ts).
   */
  availabilityAlerts: 'availability-alerts',
  /** Daily at 23:55 in Paris; on a month's last day, the organisations' monthly statements (lib/data/invoicing/statements.ts). */
  monthlyStatements: 'monthly-statements',
  /** An invoice to a business handed to the approved e-invoicing platform (lib/data/invoicing/e-invoice-platform.ts). */
  eInvoiceHandover: 'e-invoice-handover',
  /** Every hour: business invoices never handed over, handed now (lib/data/invoicing/e-invoice-platform.ts). */
  eInvoiceSweep: 'e-invoice-sweep',
  /** Every night: the day before's e-reporting of sales to consumers, handed to the same platform. */
  consumerSalesReport: 'consumer-sales-report',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * E-mails: retried with exponential backoff (about 10 s, 20 s, 40 s… up to an hour between tries,
 * 10 retries: about four hours in all) before the message is marked failed for staff to
 * "renvoyer". A worker that dies mid-job stops its heartbeat: the next supervision (every 10 s,
 * scripts/worker.ts) finds it and the job is retried.
 */
export const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, 'name'>> = {
  'purge-abandoned': { retryLimit: 0, expireInSeconds: 300 },
  'email-delivery': {
    retryLimit: 10,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 3600,
    heartbeatSeconds: 10,
    expireInSeconds: 120,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  // A run that fails is the next minute's to redo: no retry, and never two at once on one worker.
  'stripe-reconcile': { retryLimit: 0, expireInSeconds: 240, deleteAfterSeconds: 3600 },
  // An import may take minutes: one run at a time (an advisory lock), none retried (the next minute is).
  'onix-inbox': { retryLimit: 0, expireInSeconds: 3 * 3600, deleteAfterSeconds: 24 * 3600 },
  'privacy-retention': { retryLimit: 0, expireInSeconds: 1800, deleteAfterSeconds: 24 * 3600 },
  // A check that fails is the next one's to redo (five minutes later).
  'invariant-check': { retryLimit: 0, expireInSeconds: 600, deleteAfterSeconds: 24 * 3600 },
  // Idempotent (what was given back or moved is read under each order's lock): retried safely.
  'pre-order-changes': {
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 300,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  // A drain that fails is the next minute's (or the next NOTIFY's) to redo: what it did is committed batch by batch.
  'availability-alerts': { retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 3600 },
  // Idempotent (an order already invoiced is not taken again): retried within the same few minutes.
  'monthly-statements': { retryLimit: 2, retryDelay: 60, expireInSeconds: 600, deleteAfterSeconds: 7 * 24 * 3600 },
  // Idempotent (one EInvoiceHandover per invoice; the same file name): retried safely.
  // A sweep that fails is the next hour's to redo.
  'e-invoice-sweep': { retryLimit: 0, expireInSeconds: 1800, deleteAfterSeconds: 24 * 3600 },
  'e-invoice-handover': {
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 300,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  // One per day (ConsumerSalesReport's key): a failed night is retried, then redone by hand.
  'consumer-sales-report': { retryLimit: 5, retryDelay: 300, expireInSeconds: 600, deleteAfterSeconds: 7 * 24 * 3600 },
  'tracking-lookup': {
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 60,
    deleteAfterSeconds: 3600,
  },
};

/**
 * The longest a job may take from its first try to the end of its last one, from its retry
 * settings: with backoff, pg-boss waits up to max(retryDelay, 1) × 2^(n + 1) seconds (half of it
 * plus a random half) before retry n + 1, at most retryDelayMax (its `failJobs` statement in
 * node_modules/pg-boss/dist/plans.js); each try may run until it expires.
 */
export function retryBudgetSeconds(options: Omit<Queue, 'name'>): number {
  const { retryLimit = 0, retryDelay = 0, retryBackoff = false, retryDelayMax, expireInSeconds = 900 } = options;
  let waits = 0;
  for (let retry = 0; retry < retryLimit; retry += 1) {
    const wait = retryBackoff ? Math.max(retryDelay, 1) * 2 ** (retry + 1) : retryDelay;
    waits += retryDelayMax === undefined ? wait : Math.min(wait, retryDelayMax);
  }
  return waits + (retryLimit + 1) * expireInSeconds;
}
