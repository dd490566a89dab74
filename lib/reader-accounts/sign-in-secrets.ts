import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// The secrets of a sign-in e-mail (/compte/connexion): a link of 256 random bits (base64url, 43
// characters) and a 6-digit code for a reader who reads the e-mail on another device. Both valid
// 15 minutes, once. The database keeps only the link's SHA-256 and the code's HMAC keyed with the
// cookie secret and bound to the address: a 6-digit code has too few values for a bare hash (a
// copy of the table would give them all away in a second). OWASP Authentication Cheat Sheet,
// "passwordless": single use, short lived, bound to the account. Pure.

export const SIGN_IN_TOKEN_BYTES = 32;
/** A link or a code opens a session for this long after it was asked for. */
export const SIGN_IN_LINK_LIFETIME_MS = 15 * 60_000;
/** Wrong codes for one address, in an hour, after which its codes and links are refused. */
export const SIGN_IN_CODE_TRIES = 5;
export const SIGN_IN_CODE_WINDOW_SECONDS = 3600;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const CODE_SHAPE = /^\d{6}$/;

export function newSignInToken(): string {
  return randomBytes(SIGN_IN_TOKEN_BYTES).toString('base64url');
}

export function hashSignInToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isSignInTokenShape(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

/** "042917": uniform over 000000–999999 (crypto.randomInt, no modulo bias). */
export function newSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function isSignInCodeShape(value: unknown): value is string {
  return typeof value === 'string' && CODE_SHAPE.test(value);
}

/** The code's keyed hash for this address; one per secret of the rotation list (the first is current). */
export function hashSignInCode(secret: string, email: string, code: string): string {
  return createHmac('sha256', secret).update(`sign-in-code:${email}:${code}`).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function signInLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS);
}

/** "  Marie.Curie@Exemple.FR " → "marie.curie@exemple.fr": one account per address. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
