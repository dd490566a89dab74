import { createHash, randomBytes } from 'node:crypto';

// The secret of a tracking link (/suivi/<token>): 256 random bits, in base64url (43 characters).
// The database keeps only its SHA-256: a copy of the table opens no order. A token of any other
// shape is refused before any lookup, with the same 404 as an unknown or expired one. Pure.

export const TRACKING_TOKEN_BYTES = 32;
/** Each e-mail about the order moves the expiry of its links to this many days later. */
export const TRACKING_TOKEN_LIFETIME_DAYS = 90;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(TRACKING_TOKEN_BYTES).toString('base64url');
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isTrackingTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

export function trackingTokenExpiry(now: Date): Date {
  return new Date(now.getTime() + TRACKING_TOKEN_LIFETIME_DAYS * 24 * 3600_000);
}
