// Event objects and their delivery, as Stripe does it:
// https://docs.stripe.com/webhooks#verify-events (signature) and
// https://docs.stripe.com/webhooks#retries (non-2xx or no answer → retried with backoff).
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId, unixSeconds } from './ids';

export const EMULATED_API_VERSION = '2026-10-28.endive';
const DELIVERY_TIMEOUT_MS = 10_000;

export type StripeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

export type DeliveryAttempt = {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  ok: boolean;
};

export type EventRecord = {
  event: StripeEvent;
  /** `not_sent` when no webhook URL is configured; `held` while deliveries are held back (a test's outage). */
  state: 'pending' | 'delivered' | 'failed' | 'not_sent' | 'held';
  deliveries: DeliveryAttempt[];
};

export type WebhookOptions = {
  url: string | null;
  secret: string;
  retryBaseDelayMs: number;
  maxDeliveryAttempts: number;
  log: (message: string) => void;
};

/** Header value `t=…,v1=…`: HMAC-SHA256 of `${t}.${payload}` keyed with the endpoint secret. */
export function signPayload(payload: string, secret: string, timestampSec: number = unixSeconds()): string {
  const signature = createHmac('sha256', secret).update(`${timestampSec}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSec},v1=${signature}`;
}

export class WebhookDispatcher {
  private readonly records: EventRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly delivering = new Set<string>();
  private readonly stopController = new AbortController();
  private held = false;

  constructor(private readonly options: WebhookOptions) {}

  emit(
    type: string,
    object: object,
    request: StripeEvent['request'] = { id: null, idempotency_key: null },
  ): EventRecord {
    const event: StripeEvent = {
      id: newId.event(),
      object: 'event',
      api_version: EMULATED_API_VERSION,
      created: unixSeconds(),
      // A snapshot: later changes to the object must not show in this event.
      data: { object: structuredClone(object) as Record<string, unknown> },
      livemode: false,
      pending_webhooks: this.options.url ? 1 : 0,
      request,
      type,
    };
    const state = !this.options.url ? 'not_sent' : this.held ? 'held' : 'pending';
    const record: EventRecord = { event, state, deliveries: [] };
    this.records.push(record);
    this.options.log(`event ${event.id} ${type}${state === 'held' ? ' (held back)' : ''}`);
    if (state === 'pending') this.startDelivery(record);
    return record;
  }

  /**
   * Holds back every delivery from now on (the shop's endpoint unreachable, as in an outage), or
   * releases them: the events held are then delivered, late, as Stripe's retries would. Returns
   * how many were released.
   */
  hold(held: boolean): number {
    this.held = held;
    if (held) return 0;
    const waiting = this.records.filter((record) => record.state === 'held');
    for (const record of waiting) {
      record.state = 'pending';
      this.startDelivery(record);
    }
    return waiting.length;
  }

  get holding(): boolean {
    return this.held;
  }

  list(): readonly EventRecord[] {
    return this.records;
  }

  get(id: string): EventRecord | undefined {
    return this.records.find((record) => record.event.id === id);
  }

  /** Delivers the event again (a new series of attempts), like "Resend" in the Dashboard. */
  resend(record: EventRecord): void {
    if (!this.options.url || this.delivering.has(record.event.id)) return;
    record.state = 'pending';
    this.startDelivery(record);
  }

  clear(): void {
    this.records.length = 0;
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private startDelivery(record: EventRecord): void {
    const url = this.options.url;
    if (!url || this.stopController.signal.aborted) return;
    const id = record.event.id;
    this.delivering.add(id);
    const delivery = this.deliver(record, url)
      .catch((error: unknown) => {
        this.options.log(`event ${id}: delivery crashed: ${String(error)}`);
        record.state = 'failed';
      })
      .finally(() => {
        this.delivering.delete(id);
        this.inFlight.delete(delivery);
      });
    this.inFlight.add(delivery);
  }

  private async deliver(record: EventRecord, url: string): Promise<void> {
    const payload = JSON.stringify(record.event, null, 2);
    const stop = this.stopController.signal;
    for (let attempt = 1; attempt <= this.options.maxDeliveryAttempts; attempt++) {
      if (stop.aborted) return;
      const result = await this.attemptOnce(url, payload, stop);
      if (stop.aborted) return;
      record.deliveries.push({ attempt: record.deliveries.length + 1, at: new Date().toISOString(), ...result });
      if (result.ok) {
        record.state = 'delivered';
        return;
      }
      this.options.log(
        `event ${record.event.id} attempt ${attempt} failed: ${result.error ?? `HTTP ${result.status}`}`,
      );
      if (attempt === this.options.maxDeliveryAttempts) break;
      // 1×, 2×, 4×… the base delay, capped at 64× (Stripe spreads retries over three days).
      const delayMs = this.options.retryBaseDelayMs * 2 ** Math.min(attempt - 1, 6);
      try {
        await sleep(delayMs, undefined, { signal: stop });
      } catch (error) {
        if (stop.aborted) return;
        throw error;
      }
    }
    record.state = 'failed';
  }

  private async attemptOnce(
    url: string,
    payload: string,
    stop: AbortSignal,
  ): Promise<Omit<DeliveryAttempt, 'attempt' | 'at'>> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual', // Stripe does not follow redirects: a 3xx counts as a failure.
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signPayload(payload, this.options.secret),
        },
        body: payload,
        signal: AbortSignal.any([stop, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      // Drain the body so the connection can be reused; its content does not matter.
      await response.arrayBuffer();
      const ok = response.status >= 200 && response.status < 300;
      return { status: response.status, error: ok ? null : `HTTP ${response.status}`, ok };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { status: null, error: `${error instanceof Error ? error.message : String(error)}${cause}`, ok: false };
    }
  }
}
