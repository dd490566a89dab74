import 'server-only';
import { getDb } from '@/lib/db';
import {
  hashTrackingToken,
  isTrackingTokenShape,
  newTrackingToken,
  trackingTokenExpiry,
} from '@/lib/tracking/tracking-token';
import type { Tx } from '@/lib/data/platform/transactions';

// Tracking links (/suivi/<token>): minted by each e-mail about the order, in the transaction that
// marks the e-mail sent; only the token's SHA-256 is stored.

/** A new link for the order; every live link of the order now expires 90 days from `now`. */
export async function mintTrackingToken(tx: Tx, orderId: number, now: Date): Promise<string> {
  const { token, hash } = newTrackingToken();
  const expiresAt = trackingTokenExpiry(now);
  await tx.trackingToken.updateMany({ where: { orderId, expiresAt: { gt: now } }, data: { expiresAt } });
  await tx.trackingToken.create({ data: { orderId, tokenHash: hash, expiresAt }, select: { id: true } });
  return token;
}

/** The order a link opens, or null: malformed, unknown and expired links are the same to the caller. */
export async function findOrderIdByTrackingToken(token: string, now: Date): Promise<number | null> {
  if (!isTrackingTokenShape(token)) return null;
  const found = await getDb().trackingToken.findFirst({
    where: { tokenHash: hashTrackingToken(token), expiresAt: { gt: now } },
    select: { orderId: true },
  });
  return found?.orderId ?? null;
}
