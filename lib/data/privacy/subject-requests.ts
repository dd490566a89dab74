import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { noteErasure } from './erasure-journal';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { STAFF_LIMITS, transact } from '@/lib/data/platform/transactions';

// A person's request about their data (RGPD art. 15, 17 and 20), answered by an admin at
// /admin/donnees-personnelles: every row that holds their e-mail address, as JSON; and the
// erasure of what the law allows (the database's erase_personal_data, migration
// 20261207150000; availability alerts deleted since 20261207210000; the person's place among an
// organisation's buyers and their e-mail on its quotes since 20261209050000), audit-logged and noted outside the database so that a restored backup
// applies it again (scripts/lib/backup/erasures.ts).

/** The person as the journal and the audit log know them: never the address itself. */
export function emailDigest(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** The rows of exactly this address, whatever its case (not ILIKE: "_" would match any letter). */
async function idsOf(table: 'Order' | 'BookRequest', address: string): Promise<number[]> {
  const rows =
    table === 'Order'
      ? await getDb().$queryRaw<{ id: number }[]>`SELECT "id" FROM "Order" WHERE lower("email") = ${address}`
      : await getDb().$queryRaw<{ id: number }[]>`SELECT "id" FROM "BookRequest" WHERE lower("email") = ${address}`;
  return rows.map((row) => row.id);
}

export async function exportPersonalData(email: string) {
  const address = email.trim().toLowerCase();
  const db = getDb();
  const orders = await db.order.findMany({
    where: { id: { in: await idsOf('Order', address) } },
    orderBy: { id: 'asc' },
    select: {
      reference: true,
      status: true,
      createdAt: true,
      paidAt: true,
      email: true,
      fullName: true,
      phone: true,
      addressLine1: true,
      addressLine2: true,
      postalCode: true,
      city: true,
      deliveryMethod: true,
      totalCents: true,
      termsVersion: true,
      lines: { select: { ean: true, title: true, quantity: true, lineTotalCents: true } },
      refunds: { select: { amountCents: true, reason: true, status: true, createdAt: true } },
      withdrawals: {
        select: { declaredAt: true, declarantName: true, reason: true, wholeOrder: true },
      },
      emailMessages: {
        orderBy: { id: 'asc' },
        select: { kind: true, toAddress: true, status: true, subject: true, sentAt: true, text: true },
      },
    },
  });
  const bookRequests = await db.bookRequest.findMany({
    where: { id: { in: await idsOf('BookRequest', address) } },
    orderBy: { id: 'asc' },
    select: {
      reference: true,
      createdAt: true,
      fullName: true,
      email: true,
      phone: true,
      ean: true,
      title: true,
      author: true,
      publisher: true,
      quantity: true,
      message: true,
      status: true,
      answer: true,
      emailMessages: { select: { kind: true, status: true, subject: true, sentAt: true, text: true } },
    },
  });
  const availabilityAlerts = await db.availabilityAlert.findMany({
    where: { email: address },
    orderBy: { id: 'asc' },
    select: {
      email: true,
      status: true,
      createdAt: true,
      confirmedAt: true,
      closedAt: true,
      book: { select: { ean: true, title: true } },
      emailMessages: { select: { kind: true, status: true, subject: true, sentAt: true } },
    },
  });
  const readerAccount = await db.reader.findUnique({
    where: { email: address },
    select: {
      email: true,
      createdAt: true,
      lastSignInAt: true,
      addresses: {
        orderBy: { id: 'asc' },
        select: { fullName: true, phone: true, addressLine1: true, addressLine2: true, postalCode: true, city: true },
      },
      passkeys: { orderBy: { id: 'asc' }, select: { label: true, createdAt: true, lastUsedAt: true } },
      wishList: {
        orderBy: { addedAt: 'asc' },
        select: { addedAt: true, book: { select: { ean: true, title: true } } },
      },
    },
  });
  return {
    email: address,
    exportedAt: new Date().toISOString(),
    orders,
    bookRequests,
    availabilityAlerts,
    readerAccount,
    organisations: await organisationsOf(address),
    quotes: await quotesOf(address),
  };
}

/** The quotes this address asked for or accepted for an organisation (lib/data/buying/quotes.ts). */
async function quotesOf(address: string) {
  const ids = await getDb().$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Quote" WHERE lower("requestedByEmail") = ${address} OR lower("acceptedBy") = ${address}`;
  return getDb().quote.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    orderBy: { id: 'asc' },
    select: {
      number: true,
      issuedAt: true,
      requestedByEmail: true,
      acceptedBy: true,
      status: true,
      totalCents: true,
      organisation: { select: { name: true } },
    },
  });
}

export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>;

/** Whether an erasure would change anything for this address (its billing addresses stay). */
export function holdsErasableData(data: PersonalData): boolean {
  return (
    data.orders.length +
      data.bookRequests.length +
      data.availabilityAlerts.length +
      data.quotes.length +
      (data.readerAccount ? 1 : 0) +
      data.organisations.filter((organisation) => organisation.buyerSince).length >
    0
  );
}

/**
 * The customer organisations this address orders for (a buyer) or receives the invoices of: a
 * person's work e-mail is their personal data too (CNIL); the organisation itself is not.
 */
export async function organisationsOf(address: string) {
  const organisations = await getDb().customerOrganisation.findMany({
    where: { OR: [{ members: { some: { email: address } } }, { billingEmail: address }] },
    orderBy: { id: 'asc' },
    select: {
      name: true,
      siret: true,
      billingEmail: true,
      members: { where: { email: address }, select: { role: true, createdAt: true } },
    },
  });
  return organisations.map((organisation) => ({
    name: organisation.name,
    siret: organisation.siret,
    buyerSince: organisation.members[0]?.createdAt ?? null,
    receivesInvoices: organisation.billingEmail === address,
  }));
}

export type ErasureCounts = { unpaidOrders: number; paidOrders: number; bookRequests: number };

/** Erases what the law allows for this address, in one transaction with its audit entry. */
export async function erasePersonalData(actor: Actor, email: string, now = new Date()) {
  const digest = emailDigest(email);
  const result = await transact(async (tx) => {
    const [counts] = await tx.$queryRaw<ErasureCounts[]>`
      SELECT * FROM "erase_personal_data"(${digest}, ${now}::timestamp(3))`;
    const erased = counts ?? { unpaidOrders: 0, paidOrders: 0, bookRequests: 0 };
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'privacy.erased',
      after: { emailSha256: digest, ...erased },
      ip: actor.ip,
    });
    return { ok: true as const, ...erased };
  }, STAFF_LIMITS);
  // After the commit: what a restore of an older backup must erase again.
  if (result.ok) noteErasure({ emailSha256: digest, erasedAt: now.toISOString() });
  return result;
}
