import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { failure, type Result } from '@/lib/core/result';
import { EMAIL_STATUS_URL_VALUES, type EmailOutboxQuery } from '@/lib/validation/email-outbox';
import { recordAudit } from '@/lib/data/staff/audit';
import { sendJob } from '@/lib/data/platform/job-queue';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STAFF_LIMITS, transact } from '@/lib/data/platform/transactions';

// /admin/emails: the outbox as staff read it (every e-mail owed, sent or not; without SMTP_URL,
// the development outbox itself), and "renvoyer" for one that failed all its attempts.

export const EMAIL_OUTBOX_PAGE_SIZE = 50;

const OUTBOX_SELECT = {
  id: true,
  kind: true,
  status: true,
  toAddress: true,
  subject: true,
  text: true,
  attempts: true,
  lastError: true,
  transport: true,
  sentAt: true,
  createdAt: true,
  order: { select: { reference: true } },
  bookRequest: { select: { reference: true } },
  availabilityAlertId: true,
} satisfies Prisma.EmailMessageSelect;

export type OutboxEmail = Prisma.EmailMessageGetPayload<{ select: typeof OUTBOX_SELECT }>;

export async function listOutboxEmails(query: EmailOutboxQuery): Promise<{ total: number; emails: OutboxEmail[] }> {
  const where: Prisma.EmailMessageWhereInput = query.etat ? { status: EMAIL_STATUS_URL_VALUES[query.etat] } : {};
  const [total, emails] = await Promise.all([
    getDb().emailMessage.count({ where }),
    getDb().emailMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * EMAIL_OUTBOX_PAGE_SIZE,
      take: EMAIL_OUTBOX_PAGE_SIZE,
      select: OUTBOX_SELECT,
    }),
  ]);
  return { total, emails };
}

export async function countFailedEmails(): Promise<number> {
  return getDb().emailMessage.count({ where: { status: 'failed' } });
}

/** A failed e-mail back in the queue, with a new job, in one transaction; the audit log says who. */
export async function resendEmail(actor: Actor, emailId: number): Promise<Result<{ reference: string | null }>> {
  return transact(async (tx) => {
    const rows = await tx.$queryRaw<
      { orderId: number | null; bookRequestId: number | null; status: string; kind: string }[]
    >`
        SELECT "orderId", "bookRequestId", "status"::text AS "status", "kind"::text AS "kind"
        FROM "EmailMessage" WHERE "id" = ${emailId} FOR UPDATE`;
    const email = rows[0];
    if (!email) throw new Rejection(failure('UNKNOWN_EMAIL', 'Courriel inconnu.'));
    if (email.status !== 'failed') {
      throw new Rejection(
        failure(
          'NOT_FAILED',
          email.status === 'sent' ? 'Ce courriel est déjà parti.' : 'Ce courriel est déjà en cours d’envoi.',
        ),
      );
    }
    await tx.emailMessage.update({
      where: { id: emailId },
      data: { status: 'pending', lastError: null },
      select: { id: true },
    });
    await sendJob(QUEUE_NAMES.email, { emailId }, tx);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'email.resent',
      orderId: email.orderId ?? undefined,
      after: { emailId, kind: email.kind, ...(email.bookRequestId !== null && { bookRequestId: email.bookRequestId }) },
      ip: actor.ip,
    });
    // A sign-in e-mail is about no order nor request: its resending mints a new link and code.
    const about =
      email.orderId !== null
        ? await tx.order.findUniqueOrThrow({ where: { id: email.orderId }, select: { reference: true } })
        : email.bookRequestId !== null
          ? await tx.bookRequest.findUniqueOrThrow({ where: { id: email.bookRequestId }, select: { reference: true } })
          : { reference: null };
    return { ok: true as const, reference: about.reference };
  }, STAFF_LIMITS);
}
