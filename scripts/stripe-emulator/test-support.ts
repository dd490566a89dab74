// Shared by the emulator's tests: the real `stripe` SDK as client, a webhook receiver that
// verifies signatures with `stripe.webhooks.constructEvent`, and polling without timing asserts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeEmulator, type StripeEmulator } from './server';

export const WEBHOOK_SECRET = 'whsec_test_emulator_secret';
export const TEST_API_KEY = 'sk_test_emulator_123';

export type SentRequest = { method: string; path: string; body: string; headers: Record<string, unknown> };
export type ReceivedWebhook = { event: Stripe.Event; signature: string };

type Responder = (event: Stripe.Event, attempt: number) => number;

export type Harness = {
  emulator: StripeEmulator;
  stripe: Stripe;
  /** Every request the SDK sent, as it went on the wire. */
  sent: SentRequest[];
  /** Events whose signature verified; deliveries answered with a non-2xx status included. */
  received: ReceivedWebhook[];
  /** Deliveries whose signature did not verify. */
  rejected: string[];
  respond: Responder;
  stop(): Promise<void>;
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startHarness(
  options: { retryBaseDelayMs?: number; maxDeliveryAttempts?: number; webhooks?: boolean } = {},
): Promise<Harness> {
  const verifier = new Stripe(TEST_API_KEY);
  const attempts = new Map<string, number>();
  const harness = {
    sent: [] as SentRequest[],
    received: [] as ReceivedWebhook[],
    rejected: [] as string[],
    respond: (() => 200) as Responder,
  };

  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = String(request.headers['stripe-signature'] ?? '');
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(raw, signature, WEBHOOK_SECRET);
      } catch (error) {
        harness.rejected.push(error instanceof Error ? error.message : String(error));
        response.writeHead(400).end();
        return;
      }
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      harness.received.push({ event, signature });
      response
        .writeHead(harness.respond(event, attempt), { 'content-type': 'application/json' })
        .end('{"received":true}');
    });
  });
  const receiverPort = await listen(receiver);

  const emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: options.webhooks === false ? null : `http://127.0.0.1:${receiverPort}/api/stripe/webhook`,
    webhookSecret: WEBHOOK_SECRET,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 5,
    maxDeliveryAttempts: options.maxDeliveryAttempts ?? 5,
  });

  // The stock Node transport, wrapped only to record what the SDK puts on the wire.
  const transport = Stripe.createNodeHttpClient();
  const httpClient: typeof transport = {
    getClientName: () => transport.getClientName(),
    makeRequest: (host, port, path, method, headers, requestData, protocol, timeout) => {
      harness.sent.push({ method, path, body: requestData, headers: { ...headers } });
      return transport.makeRequest(host, port, path, method, headers, requestData, protocol, timeout);
    },
  };
  const stripe = new Stripe(TEST_API_KEY, { host: '127.0.0.1', port: emulator.port, protocol: 'http', httpClient });

  return Object.assign(harness, {
    emulator,
    stripe,
    async stop() {
      await emulator.stop();
      await new Promise<void>((resolve) => {
        receiver.close(() => resolve());
        receiver.closeAllConnections();
      });
    },
  });
}

/** Polls until `check` returns a value other than undefined/false, or fails after the deadline. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  deadlineMs = 3000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The parameters the shop's checkout sends for one book at 29,00 € (one line per book, prices from the database). */
export function shopSessionParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: 'eur',
          unit_amount: 2900,
          product_data: { name: "L'Étranger — Albert Camus", metadata: { bookId: 'book_1', isbn: '9782070360024' } },
        },
      },
    ],
    customer_email: 'lectrice@example.fr',
    locale: 'fr',
    client_reference_id: 'order_42',
    metadata: { orderId: 'order_42' },
    payment_intent_data: { metadata: { orderId: 'order_42' } },
    success_url: 'http://localhost:3000/commande/confirmation?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/panier',
    expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
    ...overrides,
  };
}

export const PAYING_CARD = {
  card_number: '4242 4242 4242 4242',
  card_expiry: '12/34',
  card_cvc: '123',
  cardholder_name: 'Jeanne Martin',
};

export async function submitCard(url: string, card: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(card) });
}
