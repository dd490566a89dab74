import 'server-only';
import type { AvailabilityAlertEmailKind } from '@/lib/email/kinds';
import type { EmailAlertBook, EmailPayload, StoredEmailPayload } from '@/lib/email/payload';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { newAlertToken } from '@/lib/alerts/alert-token';
import { shopIdentityOf } from '@/lib/shop/shop-identity';
import { sendJob } from '@/lib/data/platform/job-queue';
import type { Tx } from '@/lib/data/platform/transactions';
import { readShopSettings } from '@/lib/data/staff/shop-settings';

// The e-mails of an availability alert, owed like an order's (order-emails.ts): one outbox row per
// kind, alert and version (unique: a drain run twice owes one), its pg-boss job, in the caller's
// transaction; the book as it is now (title, authors, price from the database).

export async function alertBooks(tx: Tx, bookIds: number[]): Promise<Map<number, EmailAlertBook>> {
  const books = await tx.book.findMany({
    where: { id: { in: bookIds } },
    select: {
      id: true,
      ean: true,
      title: true,
      publisherPriceCents: true,
      contributors: {
        where: { role: 'A01' },
        orderBy: { position: 'asc' },
        select: { contributor: { select: { name: true } } },
      },
    },
  });
  return new Map(
    books.map((book) => [
      book.id,
      {
        ean: book.ean,
        title: book.title,
        authors: book.contributors.map((link) => link.contributor.name).join(', '),
        priceCents: book.publisherPriceCents,
      },
    ]),
  );
}

/** Writes the e-mail (unless this kind and version is already owed) and its job; the row's id, or null. */
export async function enqueueAlertEmail(
  tx: Tx,
  alertId: number,
  kind: AvailabilityAlertEmailKind,
  version: number,
  known?: { email: string; book: EmailAlertBook; shop: StoredEmailPayload['shop'] },
): Promise<number | null> {
  let email = known?.email;
  let book = known?.book;
  if (!email || !book) {
    const alert = await tx.availabilityAlert.findUniqueOrThrow({
      where: { id: alertId },
      select: { email: true, bookId: true },
    });
    email = alert.email;
    book = (await alertBooks(tx, [alert.bookId])).get(alert.bookId)!;
  }
  const payload: EmailPayload = { kind, alert: book };
  const stored: StoredEmailPayload = { ...payload, shop: known?.shop ?? shopIdentityOf(await readShopSettings(tx)) };
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "EmailMessage" ("kind", "availabilityAlertId", "version", "toAddress", "payload", "updatedAt")
    VALUES (${kind}::"EmailKind", ${alertId}, ${version}, ${email}, ${JSON.stringify(stored)}::jsonb, now())
    ON CONFLICT ("kind", "availabilityAlertId", "version") DO NOTHING
    RETURNING "id"`;
  const id = inserted[0]?.id;
  if (id === undefined) return null;
  await sendJob(QUEUE_NAMES.email, { emailId: id }, tx);
  return id;
}

/**
 * At the send (email-delivery.ts, in its transaction): this e-mail's link to the alert; the
 * earlier e-mails' links stay valid (a reader clicks whichever arrived). Only its SHA-256 is stored.
 */
export async function mintAlertToken(tx: Tx, alertId: number): Promise<string> {
  const { token, hash } = newAlertToken();
  await tx.availabilityAlertLink.create({ data: { alertId, tokenHash: hash }, select: { id: true } });
  return token;
}
