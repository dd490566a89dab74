// Readers' session rules. As the staff's (lib/staff/session-policy.ts): a random token in the
// cookie, its SHA-256 in the database, an idle and an absolute expiry. Longer than the staff's
// (a reader comes back every few weeks, not every hour), shorter than a cart's life: an account
// shows addresses and orders, not payment means (OWASP Session Management Cheat Sheet, "Session
// Expiration": timeouts by the data's sensitivity). Pure.

/** Signed out after this long without a visit. */
export const READER_SESSION_IDLE_MS = 14 * 24 * 3600_000;
/** Signed out after this long whatever the activity. */
export const READER_SESSION_ABSOLUTE_MS = 30 * 24 * 3600_000;
/** lastSeenAt is rewritten at most this often. */
export const READER_SESSION_TOUCH_MS = 10 * 60_000;

export function readerSessionIsLive(session: { lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < READER_SESSION_IDLE_MS;
}
