import { createHash, randomBytes } from 'node:crypto';

// The secret of an availability alert's link (/alerte/<token>), minted by each e-mail about the
// alert. Pure.

/** 256 random bits in base64url, as a tracking link's (lib/tracking/tracking-token.ts); only the SHA-256 is stored. */
export const ALERT_TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newAlertToken(): { token: string; hash: string } {
  const token = randomBytes(ALERT_TOKEN_BYTES).toString('base64url');
  return { token, hash: hashAlertToken(token) };
}

export function hashAlertToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isAlertTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
