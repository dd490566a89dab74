import { createHmac, timingSafeEqual } from 'node:crypto';

// A value carried in a cookie with an HMAC-SHA256 signature, so a forged or edited cookie is
// recognised and ignored (OWASP Session Management Cheat Sheet: integrity of client-side tokens).

/**
 * One secret, or several newest first: the first signs, every one verifies. So a secret can be
 * rotated without invalidating the cookies already out: put the new one first, remove the old
 * one once its cookies have expired (OWASP Secrets Management Cheat Sheet: rotation).
 */
export type SigningSecrets = string | readonly [string, ...string[]];

function asList(secrets: SigningSecrets): readonly [string, ...string[]] {
  return typeof secrets === 'string' ? [secrets] : secrets;
}

function signature(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function signValue(value: string, secrets: SigningSecrets): string {
  const [current] = asList(secrets);
  return `${value}.${signature(value, current)}`;
}

/** The value if its signature matches one of the secrets, else null. Never throws. */
export function verifySignedValue(token: string | undefined, secrets: SigningSecrets): string | null {
  if (!token || token.length > 512) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  // Every secret is tried, with no early exit: the time taken does not tell which one matched.
  let matched = false;
  for (const secret of asList(secrets)) {
    const expected = Buffer.from(signature(value, secret));
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? value : null;
}
