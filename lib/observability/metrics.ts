import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// The shop's metrics, in Prometheus' text format (prom-client): the app serves its registry at
// /api/metrics, the worker its own on WORKER_METRICS_PORT (scripts/lib/worker-metrics.ts). Each
// process counts what it does; Prometheus sums the instances
// (https://prometheus.io/docs/practices/naming/: a `librairie_` prefix, base units, `_total` on
// counters). Counters are moved once the transaction that did the thing has committed
// (afterCommit, lib/data/platform/transactions.ts); what the database holds (queues, purges, the
// outbox) is read when Prometheus asks (lib/data/watch/shop-gauges.ts).

/** The pg pool's counts as pg-pool keeps them (https://node-postgres.com/apis/pool#properties). */
export type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };

export const PAYMENT_SOURCES = ['webhook', 'reconciliation', 'confirmation_page'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

export const EMAIL_OUTCOMES = ['sent', 'failed', 'retried'] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];

function defineMetrics(registry: Registry, pools: Map<string, PoolCounts>) {
  const registers = [registry];
  const metrics = {
    httpRequestDuration: new Histogram({
      name: 'librairie_http_request_duration_seconds',
      help: 'Time to answer a request, by route pattern (never the raw path), method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      // Pages answer in tens of milliseconds; a checkout waits up to 20 s on Stripe.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    transactionBusy: new Counter({
      name: 'librairie_transaction_busy_total',
      help: 'Transactions refused as busy (lock or statement timeout, no connection in time), by named limits.',
      labelNames: ['limits'] as const,
      registers,
    }),
    holdsPlaced: new Counter({
      name: 'librairie_holds_placed_total',
      help: 'Holds placed on copies on the shelf by a checkout.',
      registers,
    }),
    holdsExpired: new Counter({
      name: 'librairie_holds_expired_total',
      help: 'Holds released because their time ran out (by the next buyer of the book or the purge job).',
      registers,
    }),
    paymentsApplied: new Counter({
      name: 'librairie_payments_applied_total',
      help: 'Stripe payments that marked an order paid, by the path that brought the event.',
      labelNames: ['source'] as const,
      registers,
    }),
    emails: new Counter({
      name: 'librairie_emails_total',
      help: 'E-mail jobs of the worker: sent, failed for good, or failed and to be retried.',
      labelNames: ['outcome'] as const,
      registers,
    }),
    // Read from the database when scraped (lib/data/watch/shop-gauges.ts).
    jobQueueDepth: new Gauge({
      name: 'librairie_job_queue_depth',
      help: 'Jobs waiting in a pg-boss queue (created or to be retried), by queue.',
      labelNames: ['queue'] as const,
      registers,
    }),
    frontCachePurgesPending: new Gauge({
      name: 'librairie_front_cache_purges_pending',
      help: 'Front-cache purges due and not yet sent (FrontCachePurge rows).',
      registers,
    }),
    emailsWaiting: new Gauge({
      name: 'librairie_emails_waiting',
      help: 'E-mails of the outbox not sent: pending, or failed and waiting for staff.',
      labelNames: ['status'] as const,
      registers,
    }),
    // The invariant check's findings (lib/data/watch/invariants.ts): one series per rule, from its last run.
    invariantViolations: new Gauge({
      name: 'librairie_invariant_violations',
      help: 'Rows breaking each invariant at its last check.',
      labelNames: ['invariant'] as const,
      registers,
    }),
    dbPoolConnections: new Gauge({
      name: 'librairie_db_pool_connections',
      help: 'Connections of the process’s pg pools: in use, idle, and requests waiting for one.',
      labelNames: ['pool', 'state'] as const,
      registers,
      collect() {
        for (const [pool, counts] of pools) {
          this.set({ pool, state: 'in_use' }, counts.totalCount - counts.idleCount);
          this.set({ pool, state: 'idle' }, counts.idleCount);
          this.set({ pool, state: 'waiting' }, counts.waitingCount);
        }
      },
    }),
  };
  // Every series exists from the start at 0: a rate() over a counter's first increment is right.
  for (const source of PAYMENT_SOURCES) metrics.paymentsApplied.inc({ source }, 0);
  for (const outcome of EMAIL_OUTCOMES) metrics.emails.inc({ outcome }, 0);
  // The process's own figures under their usual names (process_cpu_seconds_total,
  // nodejs_eventloop_lag_seconds…), as the common Node.js dashboards read them.
  collectDefaultMetrics({ register: registry });
  return metrics;
}

type MetricsStore = { registry: Registry; pools: Map<string, PoolCounts>; metrics: ReturnType<typeof defineMetrics> };

// Next's server bundle and scripts/serve.ts (run by tsx) load separate copies of this module: a
// symbol registered on globalThis makes them count in one registry.
const METRICS_KEY = Symbol.for('librairie.metrics');

function store(): MetricsStore {
  const holder = globalThis as typeof globalThis & { [METRICS_KEY]?: MetricsStore };
  if (!holder[METRICS_KEY]) {
    const registry = new Registry();
    const pools = new Map<string, PoolCounts>();
    holder[METRICS_KEY] = { registry, pools, metrics: defineMetrics(registry, pools) };
  }
  return holder[METRICS_KEY];
}

export function shopMetrics(): MetricsStore['metrics'] {
  return store().metrics;
}

/** The pool's connections are reported under `pool` from now on. */
export function watchPool(name: string, pool: PoolCounts): void {
  store().pools.set(name, pool);
}

/** The text Prometheus scrapes, and its content type (text format 0.0.4). */
export async function renderMetrics(): Promise<{ text: string; contentType: string }> {
  const { registry } = store();
  return { text: await registry.metrics(), contentType: registry.contentType };
}

export function countBusyTransaction(limits: string): void {
  shopMetrics().transactionBusy.inc({ limits });
}

export function countPaymentApplied(source: PaymentSource): void {
  shopMetrics().paymentsApplied.inc({ source });
}

export function countEmail(outcome: EmailOutcome): void {
  shopMetrics().emails.inc({ outcome });
}

export function countHoldsPlaced(holds: number): void {
  if (holds > 0) shopMetrics().holdsPlaced.inc(holds);
}

export function countHoldsExpired(holds: number): void {
  if (holds > 0) shopMetrics().holdsExpired.inc(holds);
}

/** What the database holds, read when scraped (lib/data/watch/shop-gauges.ts). */
export type ShopGauges = {
  jobQueueDepth: { queue: string; jobs: number }[];
  frontCachePurgesPending: number;
  emailsWaiting: { pending: number; failed: number };
  invariantViolations: { invariant: string; rows: number }[];
};

export function setShopGauges(gauges: ShopGauges): void {
  const metrics = shopMetrics();
  metrics.jobQueueDepth.reset();
  for (const { queue, jobs } of gauges.jobQueueDepth) metrics.jobQueueDepth.set({ queue }, jobs);
  metrics.frontCachePurgesPending.set(gauges.frontCachePurgesPending);
  metrics.emailsWaiting.set({ status: 'pending' }, gauges.emailsWaiting.pending);
  metrics.emailsWaiting.set({ status: 'failed' }, gauges.emailsWaiting.failed);
  metrics.invariantViolations.reset();
  for (const { invariant, rows } of gauges.invariantViolations) metrics.invariantViolations.set({ invariant }, rows);
}
