import 'server-only';
import { formatDateShort } from '@/lib/core/date';
import { checkWithdrawal, planWithdrawal, withdrawableLine, type WithdrawalPlan } from '@/lib/tracking/withdrawal';
import { failure, type Result } from '@/lib/core/result';
import type { WithdrawalForm } from '@/lib/validation/tracking';
import { recordAudit } from '@/lib/data/staff/audit';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { bumpOrderVersion } from './order-lock';
import { consumeLimit } from '@/lib/data/platform/rate-limits';
import { ORDER_DESK_LIMITS, Rejection, transact, type Tx } from '@/lib/data/platform/transactions';
import { getDb } from '@/lib/db';
import { withdrawalRefundBy } from '@/lib/tracking/withdrawal-period';
import { withdrawalCountsFrom } from '@/lib/data/customer-mail/withdrawal-requests';

// A customer declares a withdrawal at /suivi/<token>/retractation (Code de la consommation,
// art. L221-18, and the withdrawal function of art. L221-21 and D221-5): first what they withdraw
// is shown back to them (`previewWithdrawal`, nothing written), then "Confirmer la rétractation"
// records it (`declareWithdrawal`). One transaction, under the order's lock (the same as the
// desk's and the webhook's): check the period and what remains of each line, record it, flag the
// order for staff (who refund it with the order desk's refund flow, art. L221-24: within 14
// days), append to the audit log, and owe the customer the acknowledgement e-mail with the
// declaration's content, date and time (art. D221-5).

async function planFor(db: Tx | ReturnType<typeof getDb>, orderId: number, form: WithdrawalForm, now: Date) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      origin: true,
      deliveredAt: true,
      lines: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          title: true,
          quantity: true,
          refundedQuantity: true,
          withdrawalLines: { select: { quantity: true } },
        },
      },
    },
  });
  const check = checkWithdrawal({
    status: order.status,
    origin: order.origin,
    deliveredAt: order.deliveredAt,
    now: await withdrawalCountsFrom(db, orderId, now),
    lines: order.lines.map(withdrawableLine),
  });
  if (!check.ok) return check;
  return planWithdrawal(check, new Map(order.lines.map((line) => [line.id, line.title])), form);
}

/** What the declaration would withdraw, for the customer to confirm; nothing is written. */
export async function previewWithdrawal(orderId: number, form: WithdrawalForm, now: Date): Promise<WithdrawalPlan> {
  return planFor(getDb(), orderId, form, now);
}

export async function declareWithdrawal(
  orderId: number,
  form: WithdrawalForm,
  now: Date,
  ip: string,
): Promise<Result<{ copies: number }>> {
  const limited = await consumeLimit('withdrawalPerOrder', `commande-${orderId}`);
  if (limited) return limited;
  return transact(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    // The same confirmation posted again (under the order's lock, so never at once): recorded once.
    if (form.submission) {
      const recorded = await tx.withdrawal.findUnique({
        where: { orderId_submissionKey: { orderId, submissionKey: form.submission } },
        select: { lines: { select: { quantity: true } } },
      });
      if (recorded) return { ok: true as const, copies: recorded.lines.reduce((sum, line) => sum + line.quantity, 0) };
    }
    const plan = await planFor(tx, orderId, form, now);
    if (!plan.ok) throw new Rejection(failure(plan.code, plan.message));
    const lines = plan.lines.map(({ orderLineId, quantity }) => ({ orderLineId, quantity }));
    const withdrawal = await tx.withdrawal.create({
      data: {
        orderId,
        wholeOrder: plan.wholeOrder,
        declarantName: form.fullName,
        submissionKey: form.submission ?? null,
        reason: form.reason,
        declaredAt: now,
        lines: { create: lines },
      },
      select: { id: true },
    });
    const refundBy = formatDateShort(new Date(`${withdrawalRefundBy(now)}T12:00:00Z`));
    await bumpOrderVersion(tx, orderId, {
      attentionReason: `Rétractation déclarée par le client le ${formatDateShort(now)} : rembourser au plus tard le ${refundBy} ; si les livres ont quitté la librairie, le remboursement peut attendre leur retour ou la preuve de leur envoi (Code de la consommation, art. L221-24).`,
    });
    await recordAudit(tx, {
      staffId: null,
      action: 'order.withdrawal_declared',
      orderId,
      after: {
        withdrawalId: withdrawal.id,
        wholeOrder: plan.wholeOrder,
        declarantName: form.fullName,
        reason: form.reason,
        lines: plan.lines.map((line) => ({ title: line.title, quantity: line.quantity })),
      },
      ip,
    });
    await enqueueOrderEmail(tx, orderId, { kind: 'withdrawal_received', withdrawalId: withdrawal.id });
    return { ok: true as const, copies: lines.reduce((sum, line) => sum + line.quantity, 0) };
  }, ORDER_DESK_LIMITS);
}
