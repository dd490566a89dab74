// Staff session rules. The cookie carries a random token; the database keeps only its SHA-256,
// so a leaked copy of the sessions table opens nothing (OWASP Session Management Cheat Sheet).
import { createHash, randomBytes } from 'node:crypto';

/** Logged out after this long without a request (a day at the counter has pauses). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Logged out after this long whatever the activity: a working day, then log in again. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is rewritten at most this often (not one write per request). */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

/** 256 random bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as the cookie may carry it: 43 base64url characters, nothing else reaches the database. */
export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function sessionIsLive(session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}
