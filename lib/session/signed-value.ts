import { createHmac, timingSafeEqual } from 'node:crypto';

// A value carried in a cookie with an HMAC-SHA256 signature, so a forged or edited cookie is
// recognised and ignored (OWASP Session Management Cheat Sheet: integrity of client-side tokens).

function signature(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function signValue(value: string, secret: string): string {
  return `${value}.${signature(value, secret)}`;
}

/** The value if the signature is right, else null. Never throws. */
export function verifySignedValue(token: string | undefined, secret: string): string | null {
  if (!token || token.length > 512) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(value, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
