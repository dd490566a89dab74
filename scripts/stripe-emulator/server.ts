// A local Stripe emulator for the demo and the tests, used when no STRIPE_SECRET_KEY is set.
// The real `stripe` SDK talks to it with `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`.
// Decision record: docs/decisions/005-stripe-emulator.md. Endpoints: README.md in this folder.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext, RequestInfo } from './context';
import { controlRouter } from './control';
import { StripeApiError } from './errors';
import { parseFormBody, readBody, type FormNode } from './form-body';
import { renderPaymentPage, submitPayment, type PageReply } from './hosted-page';
import { newId } from './ids';
import { listEvents, retrieveEvent } from './event-queries';
import { listRefunds, retrieveRefund } from './refund-queries';
import { createRefund } from './refunds';
import { Router } from './router';
import { createSession, expireIfDue, expireSession, listSessionLineItems, retrieveSession } from './sessions';
import { Store } from './store';
import { EMULATED_API_VERSION, WebhookDispatcher } from './webhooks';

export type StripeEmulatorOptions = {
  /** 0 = a free port chosen by the system. */
  port: number;
  /** Where events are POSTed; null = events are only recorded (see GET /_emulator/events). */
  webhookUrl: string | null;
  webhookSecret: string;
  /** Base of the hosted payment page URLs (`session.url`); defaults to http://127.0.0.1:<port>. */
  publicBaseUrl?: string;
  /** First retry delay of a failed webhook delivery; doubles each time. Default 1000 ms. */
  retryBaseDelayMs?: number;
  /** Attempts per event before giving up. Default 8. */
  maxDeliveryAttempts?: number;
  log?: (message: string) => void;
};

export type StripeEmulator = { port: number; url: string; stop(): Promise<void> };

type ApiInput = { params: Record<string, string>; body: FormNode; query: FormNode; request: RequestInfo };
type ApiHandler = (ctx: EmulatorContext, input: ApiInput) => Record<string, unknown>;

const apiRouter = new Router<ApiHandler>()
  .add('POST', '/v1/checkout/sessions', (ctx, input) => createSession(ctx, input.body, input.request))
  .add('GET', '/v1/checkout/sessions/:id', (ctx, input) => retrieveSession(ctx, input.params.id ?? '', input.query))
  .add('GET', '/v1/checkout/sessions/:id/line_items', (ctx, input) => listSessionLineItems(ctx, input.params.id ?? ''))
  .add('POST', '/v1/checkout/sessions/:id/expire', (ctx, input) =>
    expireSession(ctx, input.params.id ?? '', input.body, input.request),
  )
  .add('POST', '/v1/refunds', (ctx, input) => createRefund(ctx, input.body, input.request))
  .add('GET', '/v1/refunds', (ctx, input) => listRefunds(ctx, input.query))
  .add('GET', '/v1/refunds/:id', (ctx, input) => retrieveRefund(ctx, input.params.id ?? ''))
  .add('GET', '/v1/events', (ctx, input) => listEvents(ctx, input.query))
  .add('GET', '/v1/events/:id', (ctx, input) => retrieveEvent(ctx, input.params.id ?? ''));

const pageRouter = new Router<(ctx: EmulatorContext, id: string, form: URLSearchParams) => PageReply>()
  .add('GET', '/pay/:id', (ctx, id) => renderPaymentPage(ctx, id))
  .add('POST', '/pay/:id', (ctx, id, form) => submitPayment(ctx, id, form));

const SWEEP_INTERVAL_MS = 1000;

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-cache, no-store', ...headers });
  response.end(body);
}

function checkAuth(request: IncomingMessage): StripeApiError | null {
  const header = request.headers.authorization ?? '';
  let key = '';
  if (header.startsWith('Bearer ')) key = header.slice('Bearer '.length).trim();
  else if (header.startsWith('Basic '))
    key = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8').split(':')[0] ?? '';
  if (key === '') {
    return new StripeApiError(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  // Any test secret key is accepted; live keys never belong here.
  if (!/^sk_test_\w+$/.test(key)) {
    return new StripeApiError(
      401,
      'invalid_request_error',
      `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(4)}${key.slice(-4)}`,
      {
        code: 'api_key_invalid',
      },
    );
  }
  return null;
}

function fingerprint(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');
}

async function handleApi(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const method = request.method ?? 'GET';
  const requestId = newId.request();
  const idempotencyKey =
    method === 'POST' ? ((request.headers['idempotency-key'] as string | undefined) ?? null) : null;
  const baseHeaders: Record<string, string> = {
    'request-id': requestId,
    'stripe-version': (request.headers['stripe-version'] as string | undefined) ?? EMULATED_API_VERSION,
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };
  const fail = (error: StripeApiError) =>
    sendJson(response, error.status, JSON.stringify(error.toBody(), null, 2), baseHeaders);

  const authError = checkAuth(request);
  if (authError) return fail(authError);

  const match = apiRouter.match(method, url.pathname);
  if (!match || match === 'method_not_allowed') {
    return fail(
      new StripeApiError(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${method}: ${url.pathname}). The Stripe emulator implements only what the shop uses.`,
      ),
    );
  }
  const rawBody = method === 'POST' ? await readBody(request) : '';

  // https://docs.stripe.com/api/idempotent_requests
  let fingerprintValue = '';
  if (idempotencyKey) {
    fingerprintValue = fingerprint(method, url.pathname, rawBody);
    const previous = ctx.store.idempotency.get(idempotencyKey);
    if (previous && previous.fingerprint !== fingerprintValue) {
      return fail(
        new StripeApiError(
          400,
          'idempotency_error',
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        ),
      );
    }
    if (previous)
      return sendJson(response, previous.status, previous.body, { ...baseHeaders, 'idempotent-replayed': 'true' });
  }

  let status = 200;
  let body: string;
  let save = true;
  try {
    const result = match.handler(ctx, {
      params: match.params,
      body: parseFormBody(rawBody),
      query: parseFormBody(url.search.slice(1)),
      request: { id: requestId, idempotencyKey },
    });
    body = JSON.stringify(result, null, 2);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    status = error.status;
    body = JSON.stringify(error.toBody(), null, 2);
    // Stripe saves no result when the parameters failed validation.
    save = !error.beforeExecution;
  }
  if (idempotencyKey && save) {
    ctx.store.idempotency.set(idempotencyKey, { fingerprint: fingerprintValue, status, body, createdMs: Date.now() });
  }
  sendJson(response, status, body, baseHeaders);
}

async function handlePage(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const match = pageRouter.match(request.method ?? 'GET', url.pathname);
  if (!match || match === 'method_not_allowed') {
    response.writeHead(match ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(match ? 'Méthode non autorisée' : 'Page introuvable');
    return;
  }
  const form = new URLSearchParams(request.method === 'POST' ? await readBody(request) : '');
  const reply = match.handler(ctx, match.params.id ?? '', form);
  if ('redirect' in reply) {
    response.writeHead(303, { location: reply.redirect, 'cache-control': 'no-store' });
    response.end();
    return;
  }
  response.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(reply.html);
}

async function handleControl(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const match = controlRouter.match(request.method ?? 'GET', url.pathname);
  if (!match || match === 'method_not_allowed') {
    const error = new StripeApiError(
      404,
      'invalid_request_error',
      `Unknown emulator endpoint (${request.method}: ${url.pathname}).`,
    );
    return sendJson(response, 404, JSON.stringify(error.toBody()));
  }
  const raw = request.method === 'POST' ? await readBody(request) : '';
  let body: Record<string, unknown> = {};
  if ((request.headers['content-type'] ?? '').includes('application/json') && raw.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Invalid JSON body: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } else {
    body = Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    const reply = match.handler(ctx, { params: match.params, body, query: url.searchParams });
    sendJson(response, reply.status, JSON.stringify(reply.json, null, 2));
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    sendJson(response, error.status, JSON.stringify(error.toBody(), null, 2));
  }
}

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  const log = options.log ?? (() => {});
  const store = new Store();
  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    maxDeliveryAttempts: options.maxDeliveryAttempts ?? 8,
    log,
  });
  const ctx: EmulatorContext = { store, webhooks, publicBaseUrl: '', log };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handler = url.pathname.startsWith('/v1/')
      ? handleApi
      : url.pathname.startsWith('/pay/')
        ? handlePage
        : url.pathname.startsWith('/_emulator/')
          ? handleControl
          : null;
    if (!handler) {
      sendJson(
        response,
        404,
        JSON.stringify(
          new StripeApiError(
            404,
            'invalid_request_error',
            `Unrecognized request URL (${request.method}: ${url.pathname}).`,
          ).toBody(),
        ),
      );
      return;
    }
    handler(ctx, request, response, url).catch((error: unknown) => {
      log(
        `${request.method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (error instanceof StripeApiError) {
        if (!response.headersSent) sendJson(response, error.status, JSON.stringify(error.toBody(), null, 2));
        return;
      }
      if (!response.headersSent) {
        sendJson(
          response,
          500,
          JSON.stringify(
            new StripeApiError(500, 'api_error', 'The Stripe emulator failed to handle this request.').toBody(),
          ),
        );
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  ctx.publicBaseUrl = (options.publicBaseUrl ?? url).replace(/\/$/, '');

  // Sessions also expire lazily when read; the sweep makes `checkout.session.expired` arrive on time.
  const sweep = setInterval(() => {
    for (const session of store.sessions.values()) expireIfDue(ctx, session);
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  log(`Stripe emulator listening on ${url} (webhooks → ${options.webhookUrl ?? 'none'})`);

  let stopped: Promise<void> | undefined;
  return {
    port,
    url,
    stop() {
      stopped ??= (async () => {
        clearInterval(sweep);
        await webhooks.stop();
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        });
      })();
      return stopped;
    },
  };
}
