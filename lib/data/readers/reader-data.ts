import 'server-only';
import { getDb } from '@/lib/db';
import type { Result } from '@/lib/core/result';
import { emailDigest, organisationsOf } from '@/lib/data/privacy/subject-requests';
import { noteErasure } from '@/lib/data/privacy/erasure-journal';
import { READER_ACCOUNT_LIMITS, transact } from '@/lib/data/platform/transactions';
import { recordAudit } from '@/lib/data/staff/audit';
import { listReaderAddresses } from './reader-addresses';
import { listReaderOrders } from './reader-orders';
import { listReaderPasskeys } from './passkeys';
import { listWishList } from './wish-list';
import { listReaderAlerts } from './reader-alerts';

// /compte/donnees: the reader's own copy of their data (RGPD art. 15 and 20) and the deletion of
// their account (art. 17), with no one at the shop in between.

export async function exportReaderData(readerId: number) {
  const reader = await getDb().reader.findUniqueOrThrow({
    where: { id: readerId },
    select: { email: true, createdAt: true, lastSignInAt: true },
  });
  const [addresses, orders, passkeys, wishList, alerts, organisations] = await Promise.all([
    listReaderAddresses(readerId),
    listReaderOrders(reader.email),
    listReaderPasskeys(readerId),
    listWishList(readerId),
    listReaderAlerts({ id: readerId, email: reader.email }),
    organisationsOf(reader.email.toLowerCase()),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: reader,
    addresses: addresses.map(({ id: _id, ...address }) => address),
    // What the list shows of each passkey: its public key is not personal data the reader could use.
    passkeys: passkeys.map(({ id: _id, ...passkey }) => passkey),
    wishList: wishList.map(({ book, addedAt }) => ({ ean: book.ean, title: book.title, addedAt })),
    availabilityAlerts: alerts.map(({ book, status, createdAt }) => ({
      ean: book.ean,
      title: book.title,
      status,
      createdAt,
    })),
    orders: orders.map((order) => ({ ...order, totalEuros: order.totalCents / 100 })),
    organisations,
  };
}

export type AccountDeletion = { unpaidOrders: number; paidOrders: number; bookRequests: number };

/**
 * "Supprimer mon compte", in one transaction: the account, its sessions and addresses (cascade),
 * its pending sign-in links; then the orders of its e-mail as an erasure asked from
 * /admin/donnees-personnelles leaves them (the database's erase_personal_data: contact gone,
 * the invoice's name and address kept 10 years, Code de commerce art. L123-22). Orders were never
 * tied to the account (matched by e-mail): nothing to detach. Audit-logged without a staff
 * member, and noted in the erasure journal so that a restored backup erases again.
 */
export async function deleteReaderAccount(readerId: number, now: Date): Promise<Result<AccountDeletion>> {
  let digest = '';
  const result = await transact(async (tx) => {
    const reader = await tx.reader.findUniqueOrThrow({ where: { id: readerId }, select: { email: true } });
    digest = emailDigest(reader.email);
    // Deletes the account (its sessions and addresses by cascade) and its sign-in links too.
    const [counts] = await tx.$queryRaw<AccountDeletion[]>`
      SELECT * FROM "erase_personal_data"(${digest}, ${now}::timestamp(3))`;
    const erased = counts ?? { unpaidOrders: 0, paidOrders: 0, bookRequests: 0 };
    await recordAudit(tx, {
      staffId: null,
      action: 'privacy.account_deleted',
      after: { emailSha256: digest, ...erased },
    });
    return { ok: true as const, ...erased };
  }, READER_ACCOUNT_LIMITS);
  if (result.ok) noteErasure({ emailSha256: digest, erasedAt: now.toISOString() });
  return result;
}
