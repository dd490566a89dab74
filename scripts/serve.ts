// The HTTP server in front of Next (`npm start` runs it instead of `next start`): Next's own
// request handler, behind a few checks Next cannot make itself.
// - TRACE, TRACK and CONNECT get 405 here: Next fails on them with a plain-text 500 before any
//   proxy.ts can run (undici refuses to build a Request with those methods).
// - X-Forwarded-For is the socket's address when no trusted proxy is in front
//   (TRUSTED_PROXY_COUNT=0): a client cannot choose the address its rate limits count against.
// - Requests get timeouts: a slow client cannot hold a connection for minutes.
// - Behind the front cache (FRONT_CACHE_PURGE_URLS set, `npm run start:cached`), a public page
//   rendered for an anonymous reader gets the headers that let Varnish store it: its tags and
//   how long (scripts/lib/front-cache-headers.ts).
// - Each request gets an id, its log lines and one access-log line, and a sample of
//   librairie_http_request_duration_seconds (scripts/lib/request-observer.ts; OBSERVABILITY=off
//   turns that off).
// - SIGTERM or SIGINT drains the instance: /api/ready answers 503, the requests in flight finish,
//   within SHUTDOWN_TIMEOUT_SECONDS (scripts/lib/graceful-shutdown.ts).
// Usage: tsx scripts/serve.ts --port 3000 [--dev]
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { ROOT } from './lib/project';
import { markFrontCacheable } from './lib/front-cache-headers';
import { gracefulShutdown } from './lib/graceful-shutdown';
import { createRequestObserver, createRouteMatcher } from './lib/request-observer';
import { runWithResponseTags } from '../lib/front-cache/response-tags';
import { logger } from '../lib/observability/logger';
import { readObservabilitySettings } from '../lib/observability/settings';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3000' }, dev: { type: 'boolean', default: false } },
});
const port = Number(values.port);
const dev = values.dev;
const trustedProxies = Number(process.env.TRUSTED_PROXY_COUNT ?? '0');
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);
const frontCache = (process.env.FRONT_CACHE_PURGE_URLS ?? '').trim() !== '';
const settings = readObservabilitySettings();

if (!dev) Object.assign(process.env, { NODE_ENV: 'production' });
const app = next({ dev, dir: ROOT, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const observe = createRequestObserver({
  enabled: settings.OBSERVABILITY === 'on',
  trustedProxies,
  routeOf: createRouteMatcher(ROOT, dev),
});

const server = http.createServer((request, response) => {
  shutdown.track(request, response);
  observe(request, response, () => {
    if (REFUSED_METHODS.has((request.method ?? '').toUpperCase())) {
      response.writeHead(405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée sur cette adresse.' } }),
      );
      return;
    }
    if (trustedProxies === 0) request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
    if (!frontCache) {
      void handle(request, response);
      return;
    }
    const started = performance.now();
    const store = runWithResponseTags(() => void handle(request, response));
    markFrontCacheable(request, response, store, started);
  });
});
const shutdown = gracefulShutdown(server, {
  timeoutMs: settings.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  close: () => app.close(),
});
// Hot reload in development talks over a WebSocket.
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (request, socket, head) => void upgrade(request, socket, head));
}
// Whole request in 60 s (a checkout waits on Stripe for up to 20 s), headers in 10 s.
server.requestTimeout = 60_000;
server.headersTimeout = 10_000;
server.keepAliveTimeout = 5_000;
server.listen(port, () =>
  logger.info({ port, dev }, `Next ${dev ? '(développement) ' : ''}à l’écoute sur le port ${port}`),
);
