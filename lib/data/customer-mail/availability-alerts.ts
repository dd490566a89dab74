import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import { alertLinkActions, alertOutcomeOf, takesAlert } from '@/lib/alerts/availability-alert';
import { hashAlertToken, isAlertTokenShape } from '@/lib/alerts/alert-token';
import { AVAILABILITY_ALERT_ANSWER, type AvailabilityAlertInput } from '@/lib/validation/availability-alerts';
import { consumeLimit, emailLimitKey } from '@/lib/data/platform/rate-limits';
import { Rejection, BUYING_PATH_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { enqueueAlertEmail } from './availability-alert-emails';

// Availability alerts ("M'avertir de sa disponibilité", docs/decisions/022-availability-alerts.md):
// asked on a book page by an e-mail, confirmed by the e-mailed link (double opt-in: nobody is
// signed up for someone else's address), waiting until the trigger on Book marks them due, then
// e-mailed once by the worker (availability-alert-drain.ts). Cancelled by the link of any of their
// e-mails (AvailabilityAlertLink: one per e-mail, all valid while the alert exists), which deletes them.

/** Wakes the workers' drain at the commit (the trigger on Book does the same: migration 20261207210000). */
async function notifyDue(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify('availability_alert_due', '')`;
}

/**
 * An alert asked on a book page. Rate-limited per client and per address (hashed), like /suivi;
 * the answer is the same whether this address already has an alert on the book or not. One open
 * alert per book and address: a new one owes a confirmation e-mail; one still unconfirmed owes
 * another (the first may be lost), its week starting again; a confirmed one, nothing.
 */
export async function requestAvailabilityAlert(
  input: AvailabilityAlertInput,
  clientAddress: string,
  now = new Date(),
): Promise<Result<{ message: string }>> {
  const limited =
    (await consumeLimit('availabilityAlertPerClient', clientAddress)) ??
    (await consumeLimit('availabilityAlertPerEmail', emailLimitKey('alerte', input.email)));
  if (limited) return limited;
  return transact(async (tx) => {
    const book = await tx.book.findFirst({
      where: { ean: input.ean, delistedAt: null },
      select: { id: true, availability: true },
    });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu : rechargez la page.'));
    if (!takesAlert(book.availability))
      throw new Rejection(
        failure('NOT_ALERTABLE', 'Ce livre n’attend plus de réapprovisionnement : rechargez sa fiche.'),
      );
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "AvailabilityAlert" ("bookId", "email", "confirmationsSent", "createdAt", "updatedAt")
      VALUES (${book.id}, ${input.email}, 1, ${now}, now())
      ON CONFLICT ("bookId", "email") WHERE "status" IN ('pending', 'confirmed', 'due') DO NOTHING
      RETURNING "id"`;
    if (inserted[0]) {
      await enqueueAlertEmail(tx, inserted[0].id, 'availability_alert_confirm', 0);
    } else {
      const again = await tx.$queryRaw<{ id: number; version: number }[]>`
        UPDATE "AvailabilityAlert" SET "confirmationsSent" = "confirmationsSent" + 1, "createdAt" = ${now}, "updatedAt" = now()
        WHERE "bookId" = ${book.id} AND "email" = ${input.email} AND "status" = 'pending'
        RETURNING "id", "confirmationsSent" - 1 AS "version"`;
      if (again[0]) await enqueueAlertEmail(tx, again[0].id, 'availability_alert_confirm', again[0].version);
    }
    return { ok: true as const, message: AVAILABILITY_ALERT_ANSWER };
  }, BUYING_PATH_LIMITS);
}

/**
 * A signed-in reader's alert: the account's address is already verified, so no confirmation. An
 * alert of this address still unconfirmed becomes this one. A book in stock or out of print
 * already: the alert is due at once (no change of the book would ever make it so).
 */
export async function createConfirmedAlert(
  bookId: number,
  email: string,
  readerId?: number,
  now = new Date(),
): Promise<Result<{ alertId: number }>> {
  const address = email.trim().toLowerCase();
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { id: bookId }, select: { availability: true } });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu.'));
    const rows = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "AvailabilityAlert" ("bookId", "email", "status", "readerId", "confirmedAt", "createdAt", "updatedAt")
      VALUES (${bookId}, ${address}, 'confirmed', ${readerId ?? null}, ${now}, ${now}, now())
      ON CONFLICT ("bookId", "email") WHERE "status" IN ('pending', 'confirmed', 'due')
      DO UPDATE SET "status" = CASE WHEN "AvailabilityAlert"."status" = 'pending' THEN 'confirmed'::"AvailabilityAlertStatus" ELSE "AvailabilityAlert"."status" END,
                    "confirmedAt" = coalesce("AvailabilityAlert"."confirmedAt", excluded."confirmedAt"),
                    "readerId" = coalesce(excluded."readerId", "AvailabilityAlert"."readerId"),
                    "updatedAt" = now()
      RETURNING "id"`;
    const alertId = rows[0]!.id;
    await dueAtOnce(tx, alertId, book.availability);
    return { ok: true as const, alertId };
  }, BUYING_PATH_LIMITS);
}

/** A confirmed alert on a book already in stock or out of print falls due now. */
async function dueAtOnce(tx: Tx, alertId: number, availability: Parameters<typeof alertOutcomeOf>[0]): Promise<void> {
  const outcome = alertOutcomeOf(availability);
  if (!outcome) return;
  const updated = await tx.$executeRaw`
    UPDATE "AvailabilityAlert" SET "status" = 'due', "outcome" = ${outcome}::"AvailabilityAlertOutcome", "dueAt" = now(), "updatedAt" = now()
    WHERE "id" = ${alertId} AND "status" = 'confirmed'`;
  if (updated > 0) await notifyDue(tx);
}

export type AlertLinkView = {
  status: 'pending' | 'confirmed' | 'due' | 'closed';
  book: { ean: string; title: string };
  confirm: boolean;
  cancel: boolean;
};

/** What the link opens, or null: malformed, unknown and cancelled links are the same to the caller. */
export async function getAlertByToken(token: string, now = new Date()): Promise<AlertLinkView | null> {
  if (!isAlertTokenShape(token)) return null;
  const link = await getDb().availabilityAlertLink.findUnique({
    where: { tokenHash: hashAlertToken(token) },
    select: { alert: { select: { status: true, createdAt: true, book: { select: { ean: true, title: true } } } } },
  });
  if (!link) return null;
  const { alert } = link;
  return { status: alert.status, book: alert.book, ...alertLinkActions(alert, now) };
}

const UNKNOWN_LINK = failure(
  'UNKNOWN_ALERT',
  'Ce lien n’est plus valable : l’alerte a été annulée, ou un courriel plus récent en contient un autre.',
);

/** "Confirmer": a pending alert still in its week starts waiting (or is due at once, the book being in stock). */
export async function confirmAvailabilityAlert(token: string, now = new Date()): Promise<Result<{ message: string }>> {
  if (!isAlertTokenShape(token)) return UNKNOWN_LINK;
  return transact(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; status: string; createdAt: Date; availability: string }[]>`
      SELECT a."id", a."status"::text AS "status", a."createdAt", b."availability"::text AS "availability"
      FROM "AvailabilityAlertLink" l JOIN "AvailabilityAlert" a ON a."id" = l."alertId" JOIN "Book" b ON b."id" = a."bookId"
      WHERE l."tokenHash" = ${hashAlertToken(token)} FOR UPDATE OF a`;
    const alert = rows[0];
    if (!alert) throw new Rejection(UNKNOWN_LINK);
    if (alert.status !== 'pending') return { ok: true as const, message: 'Votre alerte est déjà confirmée.' };
    if (!alertLinkActions({ status: 'pending', createdAt: alert.createdAt }, now).confirm)
      throw new Rejection(
        failure(
          'EXPIRED_ALERT',
          'Ce lien de confirmation a expiré : demandez une nouvelle alerte sur la fiche du livre.',
        ),
      );
    await tx.availabilityAlert.update({
      where: { id: alert.id },
      data: { status: 'confirmed', confirmedAt: now },
      select: { id: true },
    });
    await dueAtOnce(tx, alert.id, alert.availability as Parameters<typeof alertOutcomeOf>[0]);
    return {
      ok: true as const,
      message: 'Votre alerte est confirmée : nous vous écrirons une fois, dès que le livre sera disponible.',
    };
  }, BUYING_PATH_LIMITS);
}

/** "Annuler l'alerte": the alert and its e-mails are deleted (nothing of the address is kept). */
export async function cancelAvailabilityAlert(token: string): Promise<Result<{ message: string }>> {
  if (!isAlertTokenShape(token)) return UNKNOWN_LINK;
  const deleted = await getDb().availabilityAlert.deleteMany({
    where: { links: { some: { tokenHash: hashAlertToken(token) } } },
  });
  if (deleted.count === 0) return UNKNOWN_LINK;
  return { ok: true, message: 'Votre alerte est annulée et votre adresse effacée.' };
}
