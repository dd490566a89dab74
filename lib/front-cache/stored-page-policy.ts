import { createHash } from 'node:crypto';

// The Content-Security-Policy of a page the front cache stores (docs/decisions/034-stored-pages-
// with-hashed-policy.md). A stored page is sent to many readers, so it cannot carry a nonce (a
// nonce known in advance protects nothing: https://www.w3.org/TR/CSP3/#security-nonces).
// Instead its inline scripts and styles are allowed by their SHA-256 (CSP3 hash-source,
// https://www.w3.org/TR/CSP3/#grammardef-hash-source): the stored bytes and their policy are
// final, and nothing rewrites them per response. Without a nonce, 'strict-dynamic' would
// refuse Next's `<script src>` tags, so the stored policy lists 'self' for them instead; no
// 'unsafe-inline' either way.

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;
const NONCE_SOURCE = /'nonce-([A-Za-z0-9+/_=-]+)'/;

export type InlineHashes = { scripts: string[]; styles: string[] };

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function hashesOf(html: string, element: RegExp, skip: (attributes: string) => boolean): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(element)) {
    const [, attributes = '', text = ''] = match;
    if (!skip(attributes)) hashes.add(sha256Source(text));
  }
  return [...hashes];
}

/** The hash sources of a page's inline scripts (not its `<script src>`) and `<style>` elements. */
export function inlineHashes(html: string): InlineHashes {
  return {
    scripts: hashesOf(html, SCRIPT, (attributes) => /\ssrc\s*=/i.test(` ${attributes}`)),
    styles: hashesOf(html, STYLE, () => false),
  };
}

/** The nonce a policy names, or null. */
export function policyNonce(policy: string): string | null {
  return NONCE_SOURCE.exec(policy)?.[1] ?? null;
}

/**
 * The response's own policy with its nonce replaced by the page's hashes: script-src drops the
 * nonce and 'strict-dynamic' and keeps 'self' (the build's files); style-src drops the nonce.
 * Every other directive is kept as the app wrote it (lib/http/security-headers.ts).
 */
export function storedPagePolicy(policy: string, hashes: InlineHashes): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '')
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      const kept = sources.filter((source) => !source.startsWith("'nonce-") && source !== "'strict-dynamic'");
      if (name === 'script-src') return [name, ...withSelf(kept), ...hashes.scripts].join(' ');
      if (name === 'style-src') return [name, ...kept, ...hashes.styles].join(' ');
      return directive;
    })
    .join('; ');
}

function withSelf(sources: string[]): string[] {
  return sources.includes("'self'") ? sources : ["'self'", ...sources];
}

/** The page without its nonce attributes: a stored page names no nonce. */
export function withoutNonce(html: string, nonce: string): string {
  return html.split(` nonce="${nonce}"`).join('');
}
