import 'server-only';
import { withdrawalDeclaredAt, WITHDRAWAL_REQUEST_GRACE_MS } from '@/lib/tracking/withdrawal-period';
import type { getDb } from '@/lib/db';
import type { Tx } from '@/lib/data/platform/transactions';

/**
 * When a withdrawal declared now counts from: the latest link asked from "Renoncer au contrat
 * ici" for this order within the grace delay (lib/tracking/withdrawal-period.ts), else now.
 */
export async function withdrawalCountsFrom(
  db: Tx | ReturnType<typeof getDb>,
  orderId: number,
  now: Date,
): Promise<Date> {
  const request = await db.emailMessage.findFirst({
    where: {
      orderId,
      kind: 'tracking_link',
      payload: { path: ['purpose'], equals: 'withdrawal' },
      createdAt: { gte: new Date(now.getTime() - WITHDRAWAL_REQUEST_GRACE_MS), lte: now },
    },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  return withdrawalDeclaredAt(now, request?.createdAt ?? null);
}
