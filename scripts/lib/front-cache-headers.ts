// Which responses the front cache may store (docs/decisions/014-front-cache.md), decided when
// the app writes the response's head: a 200 to a GET or HEAD of an HTML page that declared
// itself public (allowFrontCache, lib/front-cache/response-tags.ts), rendered for a reader with
// no cart and no staff session, setting no cookie, and rendered in under 2 s. The last rule
// closes the race of a render that read the rows before a change and reaches the cache after
// its first purge: the second purge, 5 s later, removes it (the migration
// 20261203100000_front_cache_purges). Browsers keep Next's private, no-store Cache-Control:
// only Varnish reads these headers, and removes them (scripts/front-cache/default.vcl).
import type http from 'node:http';
import {
  EVERY_PAGE_TAG,
  FRONT_CACHE_TAGS_HEADER,
  FRONT_CACHE_TTL_HEADER,
  type ResponseTags,
} from '../../lib/front-cache/response-tags';
import { carriesPrivateCookie } from '../../lib/session/cookie-names';

/** Past this, a render may have read rows that a change purged more than 2 s before it ends. */
export const MAX_CACHEABLE_RENDER_MS = 2_000;

export function markFrontCacheable(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  store: ResponseTags,
  startedMs: number,
): void {
  const method = request.method ?? '';
  if ((method !== 'GET' && method !== 'HEAD') || carriesPrivateCookie(request.headers.cookie)) return;
  // Node calls writeHead itself (implicit headers) before the first byte of the body.
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => http.ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    const statusCode = typeof args[0] === 'number' ? args[0] : response.statusCode;
    const given = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null);
    const header = (name: string) =>
      response.getHeader(name) ??
      Object.entries(given ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ??
      undefined;
    if (isStorable(statusCode, header, store, performance.now() - startedMs)) {
      response.setHeader(FRONT_CACHE_TAGS_HEADER, [EVERY_PAGE_TAG, ...store.tags].join(' '));
      response.setHeader(FRONT_CACHE_TTL_HEADER, String(store.maxAgeSeconds));
    }
    return writeHead(...args);
  }) as typeof response.writeHead;
}

function isStorable(
  statusCode: number,
  header: (name: string) => unknown,
  store: ResponseTags,
  renderMs: number,
): boolean {
  return (
    store.cacheable &&
    store.maxAgeSeconds > 0 &&
    statusCode === 200 &&
    renderMs < MAX_CACHEABLE_RENDER_MS &&
    header('set-cookie') === undefined &&
    String(header('content-type') ?? '').startsWith('text/html')
  );
}
