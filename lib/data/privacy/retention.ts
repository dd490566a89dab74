import 'server-only';
import { getDb } from '@/lib/db';
import { daysBefore, RETENTION, yearsBefore } from '@/lib/legal/retention';
import { READER_SESSION_IDLE_MS } from '@/lib/reader-accounts/session-policy';
import { JOB_LIMITS, transactOrThrow } from '@/lib/data/platform/transactions';

// The privacy notice's periods, enforced (RGPD art. 5.1.e; the periods: lib/legal/retention.ts),
// by a job every hour (scripts/worker.ts), a batch at a time, each step idempotent:
// - an order never paid: anonymised 30 days after its last change (contact, address, client key),
//   its e-mails' copies and tracking links with it;
// - a paid order: e-mail and phone erased 3 years after the payment; the name and address stay,
//   the invoice carries them for 10 years (Code de commerce, art. L123-22);
// - the bodies of the e-mails sent, and the IP addresses of the audit log and staff sessions,
//   dropped after a year; a book request anonymised a year after its answer;
// - after the invoices' 10 years, the invoices, and the paid order's name and address;
// - a reader's account not signed in to for 3 years, deleted with its addresses and sessions;
//   expired sessions, and sign-in links a day after they expired (their e-mails with them);
// - an availability alert never confirmed: deleted a week after it was asked; one closed by its
//   e-mail: deleted 30 days after, its e-mails with it.

const BATCH = 500;
export const ANONYMOUS_EMAIL = 'anonyme@invalid';
const ANONYMOUS_NAME = 'Client anonymisé';

export type RetentionReport = {
  unpaidOrders: number;
  paidOrderContacts: number;
  emailBodies: number;
  auditAddresses: number;
  bookRequests: number;
  /** Availability alerts deleted: never confirmed, or closed long enough. */
  availabilityAlerts: number;
  /** Paid orders past the invoices' 10 years: invoices deleted, name and address gone. */
  expiredInvoices: number;
  /** Readers' accounts unused for 3 years. */
  readerAccounts: number;
  /** Sign-in links past their day, and dead readers' sessions. */
  signInLinks: number;
  readerSessions: number;
  /** Passkey challenges past their 5 minutes, used or not (they hold nothing personal). */
  passkeyChallenges: number;
};

/** Runs `step` until a batch comes back short. */
async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await step();
    total += count;
    if (count < BATCH) return total;
  }
}

export async function enforceRetention(now: Date): Promise<RetentionReport> {
  const db = getDb();
  const unpaidBefore = daysBefore(now, RETENTION.unpaidOrderDays);
  const contactBefore = yearsBefore(now, RETENTION.paidOrderContactYears);
  const bodiesBefore = daysBefore(now, RETENTION.emailBodyDays);
  const addressesBefore = daysBefore(now, RETENTION.auditIpDays);
  const requestsBefore = daysBefore(now, RETENTION.bookRequestDays);

  const unpaidOrders = await inBatches(() =>
    transactOrThrow(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        UPDATE "Order" SET "email" = ${ANONYMOUS_EMAIL}, "fullName" = ${ANONYMOUS_NAME}, "phone" = '',
               "addressLine1" = NULL, "addressLine2" = NULL, "postalCode" = NULL, "city" = NULL,
               "clientKey" = NULL, "checkoutFingerprint" = NULL, "anonymisedAt" = ${now}, "updatedAt" = now()
        WHERE "id" IN (
          SELECT "id" FROM "Order"
          WHERE "paidAt" IS NULL AND "anonymisedAt" IS NULL AND "updatedAt" < ${unpaidBefore}
            AND "status" IN ('expired', 'payment_failed', 'replaced', 'cancelled')
          ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING "id"`;
      const ids = rows.map((row) => row.id);
      if (ids.length > 0) {
        await tx.emailMessage.updateMany({
          where: { orderId: { in: ids } },
          data: { toAddress: ANONYMOUS_EMAIL, html: null, text: null, payload: { anonymised: true } },
        });
        await tx.trackingToken.deleteMany({ where: { orderId: { in: ids } } });
      }
      return ids.length;
    }, JOB_LIMITS),
  );

  const paidOrderContacts = await inBatches(
    () =>
      db.$executeRaw`
      UPDATE "Order" SET "email" = ${ANONYMOUS_EMAIL}, "phone" = '', "clientKey" = NULL,
             "checkoutFingerprint" = NULL, "contactErasedAt" = ${now}, "updatedAt" = now()
      WHERE "id" IN (
        SELECT "id" FROM "Order"
        WHERE "paidAt" < ${contactBefore} AND "contactErasedAt" IS NULL
        ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

  const emailBodies = await inBatches(
    () =>
      db.$executeRaw`
      UPDATE "EmailMessage" SET "html" = NULL, "text" = NULL, "payload" = '{"anonymised": true}'::jsonb,
             "lastError" = NULL, "updatedAt" = now()
      WHERE "id" IN (
        SELECT "id" FROM "EmailMessage"
        WHERE "createdAt" < ${bodiesBefore} AND "status" <> 'pending' AND NOT ("payload" ? 'anonymised')
        ORDER BY "id" LIMIT ${BATCH})`,
  );

  const auditAddresses =
    (await inBatches(
      () => db.$executeRaw`
        UPDATE "AuditEntry" SET "ipAddress" = NULL
        WHERE "id" IN (SELECT "id" FROM "AuditEntry" WHERE "at" < ${addressesBefore} AND "ipAddress" IS NOT NULL
                       ORDER BY "id" LIMIT ${BATCH})`,
    )) +
    (await db.staffSession
      .updateMany({
        where: { createdAt: { lt: addressesBefore }, ipAddress: { not: null } },
        data: { ipAddress: null, userAgent: null },
      })
      .then((result) => result.count));

  const bookRequests = await inBatches(
    () =>
      db.$executeRaw`
      UPDATE "BookRequest" SET "fullName" = ${ANONYMOUS_NAME}, "email" = ${ANONYMOUS_EMAIL}, "phone" = NULL,
             "message" = NULL, "anonymisedAt" = ${now}, "updatedAt" = now()
      WHERE "id" IN (
        SELECT "id" FROM "BookRequest"
        WHERE "anonymisedAt" IS NULL AND coalesce("handledAt", "createdAt") < ${requestsBefore}
        ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

  const unconfirmedBefore = daysBefore(now, RETENTION.unconfirmedAlertDays);
  const closedBefore = daysBefore(now, RETENTION.closedAlertDays);
  const availabilityAlerts = await inBatches(
    () =>
      db.$executeRaw`
      DELETE FROM "AvailabilityAlert"
      WHERE "id" IN (
        SELECT "id" FROM "AvailabilityAlert"
        WHERE ("status" = 'pending' AND "createdAt" < ${unconfirmedBefore})
           OR ("status" = 'closed' AND "closedAt" < ${closedBefore})
        ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

  // After the invoices' 10 years: the invoices and credit notes go, and the order keeps no name
  // nor address (its amounts and lines stay, anonymous, for the shop's statistics).
  const invoicesBefore = yearsBefore(now, RETENTION.invoiceDeletedAfterYears);
  const expiredInvoices = await inBatches(() =>
    transactOrThrow(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        SELECT "id" FROM "Order"
        WHERE "paidAt" < ${invoicesBefore} AND "anonymisedAt" IS NULL
        ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return 0;
      const links = await tx.invoiceOrder.findMany({ where: { orderId: { in: ids } }, select: { invoiceId: true } });
      const invoiceIds = links.map((link) => link.invoiceId);
      await tx.invoiceOrder.deleteMany({ where: { invoiceId: { in: invoiceIds } } });
      await tx.invoice.deleteMany({ where: { id: { in: invoiceIds }, kind: 'credit_note' } });
      await tx.invoice.deleteMany({ where: { id: { in: invoiceIds } } });
      await tx.order.updateMany({
        where: { id: { in: ids } },
        data: {
          fullName: ANONYMOUS_NAME,
          addressLine1: null,
          addressLine2: null,
          postalCode: null,
          city: null,
          anonymisedAt: now,
        },
      });
      return ids.length;
    }, JOB_LIMITS),
  );

  const readersBefore = yearsBefore(now, RETENTION.readerInactiveYears);
  const readerAccounts = await inBatches(
    () =>
      db.$executeRaw`
      DELETE FROM "Reader" WHERE "id" IN (
        SELECT "id" FROM "Reader" WHERE "lastSignInAt" < ${readersBefore} ORDER BY "id" LIMIT ${BATCH})`,
  );
  const linksBefore = daysBefore(now, RETENTION.signInLinkDays);
  const signInLinks = await inBatches(
    () =>
      db.$executeRaw`
      DELETE FROM "SignInLink" WHERE "id" IN (
        SELECT "id" FROM "SignInLink" WHERE "expiresAt" < ${linksBefore} ORDER BY "id" LIMIT ${BATCH})`,
  );
  const readerSessions = await db.readerSession
    .deleteMany({
      where: {
        OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: new Date(now.getTime() - READER_SESSION_IDLE_MS) } }],
      },
    })
    .then((result) => result.count);
  const passkeyChallenges = await db.passkeyChallenge
    .deleteMany({ where: { expiresAt: { lt: now } } })
    .then((result) => result.count);

  return {
    unpaidOrders,
    paidOrderContacts,
    emailBodies,
    auditAddresses,
    bookRequests,
    availabilityAlerts,
    expiredInvoices,
    readerAccounts,
    signInLinks,
    readerSessions,
    passkeyChallenges,
  };
}
