import 'server-only';
import { formatDateShort } from '@/lib/core/date';
import { checkWithdrawal, withdrawableLine } from '@/lib/tracking/customer-view';
import { failure, type Result } from '@/lib/core/result';
import type { WithdrawalForm } from '@/lib/validation/tracking';
import { recordAudit } from '@/lib/data/staff/audit';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { bumpOrderVersion } from './order-lock';
import { consumeLimit } from '@/lib/data/platform/rate-limits';
import { ORDER_DESK_LIMITS, Rejection, transact } from '@/lib/data/platform/transactions';

// A customer declares a withdrawal at /suivi/<token>/retractation (Code de la consommation,
// art. L221-18). One transaction, under the order's lock (the same as the desk's and the
// webhook's): check the period and what remains of each line, record it, flag the order for staff
// (who refund it with the order desk's refund flow, art. L221-24: within 14 days), append to the
// audit log, and owe the customer the acknowledgement e-mail (art. L221-21).

const DAY_MS = 24 * 3600_000;

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
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        status: true,
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
      deliveredAt: order.deliveredAt,
      now,
      lines: order.lines.map(withdrawableLine),
    });
    if (!check.ok) throw new Rejection(failure(check.code, check.message));

    const wanted =
      form.scope === 'tout'
        ? check.lines.map((line) => ({ orderLineId: line.id, quantity: line.max }))
        : form.lines.map((line) => ({ orderLineId: line.orderLineId, quantity: line.quantity }));
    for (const line of wanted) {
      const max = check.lines.find((l) => l.id === line.orderLineId)?.max;
      if (max === undefined)
        throw new Rejection(failure('UNKNOWN_LINE', 'Ce livre ne fait pas partie de la commande.'));
      if (line.quantity > max) {
        throw new Rejection(
          failure(
            'TOO_MANY_COPIES',
            `Au plus ${max} exemplaire${max > 1 ? 's' : ''} de ce livre ${max > 1 ? 'peuvent' : 'peut'} encore faire l’objet d’une rétractation.`,
          ),
        );
      }
    }
    const lines = wanted.filter((line) => line.quantity > 0);
    if (lines.length === 0) {
      throw new Rejection(
        failure('NOTHING_CHOSEN', 'Indiquez au moins un exemplaire, ou choisissez toute la commande.'),
      );
    }
    const wholeOrder = check.lines.every(
      (line) => (lines.find((l) => l.orderLineId === line.id)?.quantity ?? 0) === line.max,
    );
    const withdrawal = await tx.withdrawal.create({
      data: { orderId, wholeOrder, reason: form.reason, declaredAt: now, lines: { create: lines } },
      select: { id: true },
    });
    const refundBy = formatDateShort(new Date(now.getTime() + 14 * DAY_MS));
    await bumpOrderVersion(tx, orderId, {
      attentionReason: `Rétractation déclarée par le client le ${formatDateShort(now)} : rembourser au plus tard le ${refundBy} (Code de la consommation, art. L221-24).`,
    });
    const titles = new Map(order.lines.map((line) => [line.id, line.title]));
    await recordAudit(tx, {
      staffId: null,
      action: 'order.withdrawal_declared',
      orderId,
      after: {
        withdrawalId: withdrawal.id,
        wholeOrder,
        reason: form.reason,
        lines: lines.map((line) => ({ title: titles.get(line.orderLineId) ?? '', quantity: line.quantity })),
      },
      ip,
    });
    await enqueueOrderEmail(tx, orderId, { kind: 'withdrawal_received', withdrawalId: withdrawal.id });
    return { ok: true as const, copies: lines.reduce((sum, line) => sum + line.quantity, 0) };
  }, ORDER_DESK_LIMITS);
}
