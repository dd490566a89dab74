import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes, policyNonce, storedPagePolicy, withoutNonce } from './stored-page-policy';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// As lib/http/security-headers.ts writes it.
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'nonce-bm9uY2UtMTIz' 'strict-dynamic'",
  "style-src 'self' 'nonce-bm9uY2UtMTIz'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "form-action 'self' https://checkout.stripe.com",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

const PAGE = [
  '<!DOCTYPE html><html><head>',
  '<script src="/_next/static/chunks/a.js" async="" nonce="bm9uY2UtMTIz"></script>',
  '<style nonce="bm9uY2UtMTIz">.a{color:red}</style>',
  '</head><body>',
  '<script nonce="bm9uY2UtMTIz">self.__next_f.push([1,"é \\u003c/script"])</script>',
  '<script type="application/ld+json">{"name":"Précis"}</script>',
  '<script nonce="bm9uY2UtMTIz">self.__next_f.push([1,"é \\u003c/script"])</script>',
  '</body></html>',
].join('');

describe('the policy of a stored page', () => {
  it('hashes every inline script once, in UTF-8, and no script that has a src', () => {
    const hashes = inlineHashes(PAGE);
    expect(hashes.scripts).toEqual([sha('self.__next_f.push([1,"é \\u003c/script"])'), sha('{"name":"Précis"}')]);
    expect(hashes.styles).toEqual([sha('.a{color:red}')]);
  });

  it('replaces the nonce by the hashes, drops strict-dynamic, keeps every other directive', () => {
    const stored = storedPagePolicy(POLICY, inlineHashes(PAGE));
    const directives = new Map(stored.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(stored).not.toContain('nonce-');
    expect(stored).not.toContain('unsafe-inline');
    expect(directives.get('script-src')).toBe(
      `script-src 'self' ${sha('self.__next_f.push([1,"é \\u003c/script"])')} ${sha('{"name":"Précis"}')}`,
    );
    expect(directives.get('style-src')).toBe(`style-src 'self' ${sha('.a{color:red}')}`);
    for (const kept of POLICY.split('; ').filter((d) => !/^(script|style)-src/.test(d))) {
      expect(stored.split('; ')).toContain(kept);
    }
  });

  it('a page with no inline script allows only the shop’s own files', () => {
    expect(storedPagePolicy(POLICY, { scripts: [], styles: [] })).toContain("script-src 'self'; style-src 'self';");
  });

  it('reads the nonce of the policy and takes it off the page', () => {
    expect(policyNonce(POLICY)).toBe('bm9uY2UtMTIz');
    expect(policyNonce("default-src 'self'")).toBeNull();
    const page = withoutNonce(PAGE, 'bm9uY2UtMTIz');
    expect(page).not.toContain('nonce=');
    expect(inlineHashes(page)).toEqual(inlineHashes(PAGE));
  });
});
