// What scripts/serve.ts does around each request for its logs and metrics: an id (kept from a
// trusted proxy, else new; sent back as X-Request-Id), the request run inside its context (every
// log line of its handling carries the id, lib/observability/request-context.ts), and when it
// ends one access-log line and one sample of librairie_http_request_duration_seconds. The route
// is Next's pattern (`/livre/[ean]`), never the raw path: paths carry tracking tokens and Stripe
// session ids, which belong neither in logs nor in labels.
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { logger } from '../../lib/observability/logger';
import { shopMetrics } from '../../lib/observability/metrics';
import { runInContext } from '../../lib/observability/request-context';
import { REQUEST_ID_HEADER, requestIdFor } from '../../lib/observability/request-id';
import { routeMatcher, type RoutePatternOf, type RoutesManifest } from '../../lib/observability/route-pattern';

/** Methods a label may name; any other is `OTHER` (a label's values must stay few). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** nginx's status for a client that went away before the answer (ngx_http_request.h). */
const CLIENT_CLOSED_REQUEST = 499;

/** The build's routes (`next build` writes them); none in development, where every route is `other`. */
export function readRoutesManifest(root: string): RoutesManifest | null {
  try {
    return JSON.parse(readFileSync(path.join(root, '.next/routes-manifest.json'), 'utf8')) as RoutesManifest;
  } catch (error) {
    logger.warn({ err: error }, 'no .next/routes-manifest.json: every request is counted under route "other"');
    return null;
  }
}

export type RequestObserver = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  handle: () => void,
) => void;

export function createRequestObserver(options: {
  enabled: boolean;
  trustedProxies: number;
  routeOf: RoutePatternOf;
}): RequestObserver {
  if (!options.enabled) return (_request, _response, handle) => handle();
  const { httpRequestDuration } = shopMetrics();
  return (request, response, handle) => {
    const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER], options.trustedProxies);
    // Next's handlers read the same id from the request as the logs carry.
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader('X-Request-Id', requestId);
    const started = performance.now();
    response.once('close', () => {
      const durationMs = performance.now() - started;
      const method = request.method && METHODS.has(request.method) ? request.method : 'OTHER';
      const route = options.routeOf(request.url ?? '/');
      const status = response.writableFinished ? response.statusCode : CLIENT_CLOSED_REQUEST;
      httpRequestDuration.observe({ route, method, status: String(status) }, durationMs / 1000);
      logger.info({ requestId, method, route, status, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    });
    runInContext({ requestId }, handle);
  };
}

export function createRouteMatcher(root: string, dev: boolean): RoutePatternOf {
  return routeMatcher(dev ? null : readRoutesManifest(root));
}
