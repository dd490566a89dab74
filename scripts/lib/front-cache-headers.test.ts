import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { markFrontCacheable } from './front-cache-headers';
import type { ResponseTags } from '../../lib/front-cache/response-tags';

// A real node:http server whose handler writes a page as Next does (headers set, then chunks):
// what leaves it is what Varnish would receive.

const NONCE = 'bm9uY2U=';
const SCRIPT = 'self.__next_f.push([1,"é"])';
const PAGE = [
  `<html><head><script src="/a.js" nonce="${NONCE}"></script></head>`,
  `<body><script nonce="${NONCE}">${SCRIPT}</script></body></html>`,
];
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self' 'nonce-${NONCE}'`;

type Case = {
  store: Partial<ResponseTags>;
  startedAgoMs?: number;
  endAfterMs?: number;
  method?: string;
  cookie?: string;
};

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve({ store, startedAgoMs = 0, endAfterMs = 5, method = 'GET', cookie }: Case) {
  const tags: ResponseTags = { cacheable: true, maxAgeSeconds: 600, tags: new Set(['livre-9782296013681']), ...store };
  server = http.createServer((request, response) => {
    markFrontCacheable(request, response, tags, performance.now() - startedAgoMs);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', POLICY);
    response.write(PAGE[0]);
    setTimeout(() => response.end(PAGE[1]), endAfterMs);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/livre/9782296013681`, {
    method,
    headers: cookie ? { cookie } : {},
  });
  return { headers: response.headers, body: await response.text() };
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('a page the front cache may store', () => {
  it('leaves whole, tagged, with its inline scripts allowed by hash and no nonce', async () => {
    const { headers, body } = await serve({ store: {} });
    expect(headers.get('xkey')).toBe('pages livre-9782296013681');
    expect(headers.get('x-front-cache-ttl')).toBe('600');
    expect(headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' ${hash(SCRIPT)}; style-src 'self'`,
    );
    expect(body).toBe(PAGE.join('').replaceAll(` nonce="${NONCE}"`, ''));
    expect(headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });

  it('a page not public, for a reader with a cart, or a POST streams as the app wrote it', async () => {
    for (const request of [
      { store: { cacheable: false } },
      { store: {}, cookie: 'panier=x' },
      { store: {}, method: 'POST' },
    ]) {
      const { headers, body } = await serve(request);
      expect(headers.get('xkey')).toBeNull();
      expect(headers.get('content-security-policy')).toBe(POLICY);
      expect(body).toBe(PAGE.join(''));
      server?.close();
    }
  });

  it('a render that ends 2 s or more after the request is sent with its hashes but not stored', async () => {
    // Its first bytes come at 1.85 s (within the 2 s: held), its end 300 ms later.
    const { headers } = await serve({ store: {}, startedAgoMs: 1_850, endAfterMs: 300 });
    expect(headers.get('content-security-policy')).toContain(hash(SCRIPT));
    expect(headers.get('xkey')).toBeNull();
    expect(headers.get('x-front-cache-ttl')).toBeNull();
  });
});
