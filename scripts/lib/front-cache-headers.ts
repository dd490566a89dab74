// Which responses the front cache may store (docs/decisions/014-front-cache.md), decided when
// the app writes the response's head: a 200 to a GET of an uncompressed HTML page that declared
// itself public (allowFrontCache, lib/front-cache/response-tags.ts), rendered for a reader with
// no cart and no staff session, setting no cookie, and rendered in under 2 s. The last rule
// closes the race of a render that read the rows before a change and reaches the cache after
// its first purge: the second purge, 5 s later, removes it (the migration
// 20261203100000_front_cache_purges). Browsers keep Next's private, no-store Cache-Control:
// only Varnish reads these headers, and removes them (scripts/front-cache/default.vcl).
// Such a page is held until its end, then sent whole with a policy that allows its inline
// scripts by their hashes instead of the nonce, and without the nonce: the bytes Varnish keeps
// are final (lib/front-cache/stored-page-policy.ts, docs/decisions/034-stored-pages-with-hashed-policy.md).
import type http from 'node:http';
import {
  EVERY_PAGE_TAG,
  FRONT_CACHE_TAGS_HEADER,
  FRONT_CACHE_TTL_HEADER,
  type ResponseTags,
} from '../../lib/front-cache/response-tags';
import { inlineHashes, policyNonce, storedPagePolicy, withoutNonce } from '../../lib/front-cache/stored-page-policy';
import { carriesPrivateCookie } from '../../lib/session/cookie-names';

/** Past this, a render may have read rows that a change purged more than 2 s before it ends. */
export const MAX_CACHEABLE_RENDER_MS = 2_000;

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

export function markFrontCacheable(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  store: ResponseTags,
  startedMs: number,
): void {
  if (request.method !== 'GET' || carriesPrivateCookie(request.headers.cookie)) return;
  const original = {
    writeHead: response.writeHead.bind(response) as (...args: unknown[]) => http.ServerResponse,
    write: response.write.bind(response) as (...args: unknown[]) => boolean,
    end: response.end.bind(response) as (...args: unknown[]) => http.ServerResponse,
    flushHeaders: response.flushHeaders.bind(response),
  };
  let decided = false;
  let held: { args: unknown[]; chunks: Buffer[] } | null = null;

  // Node calls writeHead itself (implicit headers) before the first byte of the body.
  response.writeHead = ((...args: unknown[]) => {
    decided = true;
    const statusCode = typeof args[0] === 'number' ? args[0] : response.statusCode;
    const given = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null);
    const header = (name: string) =>
      response.getHeader(name) ??
      Object.entries(given ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ??
      undefined;
    if (Array.isArray(given) || !isStorable(statusCode, header, store, performance.now() - startedMs)) {
      return original.writeHead(...args);
    }
    // Its headers on the response, where the policy is replaced when the page ends.
    for (const [name, value] of Object.entries(given ?? {})) response.setHeader(name, value as string);
    response.setHeader(FRONT_CACHE_TAGS_HEADER, [EVERY_PAGE_TAG, ...store.tags].join(' '));
    response.setHeader(FRONT_CACHE_TTL_HEADER, String(store.maxAgeSeconds));
    held = { args: typeof args[1] === 'string' ? [statusCode, args[1]] : [statusCode], chunks: [] };
    return response;
  }) as typeof response.writeHead;

  const decide = () => {
    if (!decided) response.writeHead(response.statusCode);
  };
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    held!.chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };

  response.flushHeaders = () => {
    decide();
    if (!held) original.flushHeaders();
  };
  response.write = ((chunk: Chunk, ...rest: unknown[]) => {
    decide();
    if (!held) return original.write(chunk, ...rest);
    keep(chunk, rest[0]);
    const callback = rest.find((arg): arg is Callback => typeof arg === 'function');
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof response.write;
  response.end = ((...args: unknown[]) => {
    decide();
    if (!held) return original.end(...args);
    if (typeof args[0] !== 'function') keep(args[0], args[1]);
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    const body = finalPage(response, Buffer.concat(held.chunks));
    // Held to its end, the whole render is timed, not only its first bytes.
    if (performance.now() - startedMs >= MAX_CACHEABLE_RENDER_MS) {
      response.removeHeader(FRONT_CACHE_TAGS_HEADER);
      response.removeHeader(FRONT_CACHE_TTL_HEADER);
    }
    response.setHeader('Content-Length', body.length);
    response.removeHeader('Transfer-Encoding');
    original.writeHead(...held.args);
    return original.end(body, callback);
  }) as typeof response.end;
}

/** The page with its policy by hashes, or as it was if it names no nonce. */
function finalPage(response: http.ServerResponse, body: Buffer): Buffer {
  const policy = response.getHeader('content-security-policy');
  const nonce = typeof policy === 'string' ? policyNonce(policy) : null;
  if (typeof policy !== 'string' || nonce === null) return body;
  const html = withoutNonce(body.toString('utf8'), nonce);
  response.setHeader('Content-Security-Policy', storedPagePolicy(policy, inlineHashes(html)));
  return Buffer.from(html, 'utf8');
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
    header('content-encoding') === undefined &&
    String(header('content-type') ?? '').startsWith('text/html')
  );
}
