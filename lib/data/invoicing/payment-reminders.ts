import 'server-only';
import { failure, type Result } from '@/lib/core/result';
import type { StoredEmailPayload } from '@/lib/email/payload';
import { formatDueOn, parisDayOf, PaymentTermsSnapshotSchema } from '@/lib/invoicing/payment-terms';
import { daysLate, reminderVersion } from '@/lib/invoicing/transfers';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { shopIdentityOf } from '@/lib/shop/shop-identity';
import { sendJob } from '@/lib/data/platform/job-queue';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { ORDER_DESK_LIMITS, Rejection, transact } from '@/lib/data/platform/transactions';
import { readInvoiceBalance, UNKNOWN_INVOICE } from './transfers';

// « Envoyer une relance »: an e-mail to the organisation's billing address about an overdue
// invoice on account, through the outbox (EmailMessage and its job, written in this transaction:
// docs/decisions/013-outbox-and-tracking-tokens.md). At most one per invoice and per Paris day:
// PaymentReminder's unique (invoiceId, sentOn), and the outbox's own key (kind, order, day).

export async function sendPaymentReminder(
  actor: Actor,
  input: { invoiceNumber: string },
  now = new Date(),
): Promise<Result<{ toAddress: string }>> {
  return transact(async (tx) => {
    const invoice = await tx.invoice.findFirst({
      where: { number: input.invoiceNumber, kind: 'invoice', dueOn: { not: null } },
      select: {
        id: true,
        number: true,
        issuedAt: true,
        paymentTerms: true,
        orders: {
          orderBy: { orderId: 'asc' },
          take: 1,
          select: {
            order: {
              select: {
                id: true,
                reference: true,
                purchaseOrderNumber: true,
                organisation: { select: { name: true, billingEmail: true } },
              },
            },
          },
        },
      },
    });
    const order = invoice?.orders[0]?.order;
    if (!invoice || !order?.organisation) throw new Rejection(UNKNOWN_INVOICE);
    const terms = PaymentTermsSnapshotSchema.parse(invoice.paymentTerms);
    const today = parisDayOf(now);
    const balance = await readInvoiceBalance(tx, invoice.id);
    if (balance.dueCents <= 0)
      throw new Rejection(
        failure('NOTHING_DUE', `La facture ${invoice.number} est réglée : aucune relance à envoyer.`),
      );
    if (terms.dueOn >= today)
      throw new Rejection(
        failure(
          'NOT_OVERDUE',
          `La facture ${invoice.number} n’est pas encore échue (échéance le ${formatDueOn(terms.dueOn)}) : pas de relance.`,
        ),
      );
    const toAddress = order.organisation.billingEmail;
    const reminded = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "PaymentReminder" ("invoiceId", "sentOn", "toAddress", "dueCents", "staffId")
      VALUES (${invoice.id}, ${today}::date, ${toAddress}, ${balance.dueCents}, ${actor.id})
      ON CONFLICT ("invoiceId", "sentOn") DO NOTHING
      RETURNING "id"`;
    if (reminded.length === 0)
      throw new Rejection(
        failure('ALREADY_REMINDED', `Une relance a déjà été envoyée aujourd’hui pour la facture ${invoice.number}.`),
      );
    const settings = await readShopSettings(tx);
    const payload: StoredEmailPayload = {
      kind: 'payment_reminder',
      reminder: {
        invoiceNumber: invoice.number,
        issuedOn: parisDayOf(invoice.issuedAt),
        dueOn: terms.dueOn,
        daysLate: daysLate(terms.dueOn, today),
        organisationName: order.organisation.name,
        orderReference: order.reference,
        // As the invoice says it: a monthly statement lists every order's purchase order.
        purchaseOrderNumber: terms.purchaseOrderNumber,
        totalCents: balance.totalCents,
        creditedCents: balance.creditedCents,
        paidCents: balance.paidCents,
        dueCents: balance.dueCents,
        iban: terms.iban,
        bic: terms.bic,
        publicBuyer: terms.publicBuyer,
        penaltyText: terms.penaltyText,
        indemnityText: terms.indemnityText,
      },
      shop: shopIdentityOf(settings),
    };
    const [email] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "EmailMessage" ("kind", "orderId", "version", "toAddress", "payload", "updatedAt")
      VALUES ('payment_reminder'::"EmailKind", ${order.id}, ${reminderVersion(today)}, ${toAddress}, ${JSON.stringify(payload)}::jsonb, now())
      RETURNING "id"`;
    if (!email) throw new Error('payment reminder: no outbox row');
    await sendJob(QUEUE_NAMES.email, { emailId: email.id }, tx);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'invoice.reminder_sent',
      orderId: order.id,
      after: { invoice: invoice.number, toAddress, dueCents: balance.dueCents, dueOn: terms.dueOn, sentOn: today },
      ip: actor.ip,
    });
    return { ok: true as const, toAddress };
  }, ORDER_DESK_LIMITS);
}
