// The customer's right of withdrawal (droit de rétractation) on an order: whether it can still be
// exercised, on which copies, and what a declaration withdraws. Pure: lib/data/order-desk/
// withdrawals.ts and lib/data/customer-mail/tracked-order.ts read the order and pass its facts.
import { formatDateLong } from '@/lib/core/date';
import type { OrderStatus } from '@/lib/orders/status';
import { isWithinWithdrawalPeriod, withdrawalLastDay } from './withdrawal-period';

/** Where the order was taken: the online shop, or the counter (the database's OrderOrigin). */
export type OrderOrigin = 'online' | 'counter';

const COUNTER_ORDER = {
  ok: false,
  code: 'NO_WITHDRAWAL_RIGHT',
  message:
    'Cette commande a été passée en librairie : le droit de rétractation ne s’applique qu’aux achats à distance (Code de la consommation, art. L221-18). Rien n’a été enregistré.',
} as const;

const BEFORE_RECEIPT: readonly OrderStatus[] = ['paid', 'preparing', 'shipped', 'ready_for_pickup'];
const RECEIVED: readonly OrderStatus[] = ['delivered', 'collected'];

export type WithdrawableLine = { id: number; quantity: number; refundedQuantity: number; withdrawnQuantity: number };

/** A stored order line as checkWithdrawal counts it: withdrawn so far, the sum of its withdrawal lines. */
export function withdrawableLine(line: {
  id: number;
  quantity: number;
  refundedQuantity: number;
  withdrawalLines: { quantity: number }[];
}): WithdrawableLine {
  return {
    id: line.id,
    quantity: line.quantity,
    refundedQuantity: line.refundedQuantity,
    withdrawnQuantity: line.withdrawalLines.reduce((sum, l) => sum + l.quantity, 0),
  };
}

export type WithdrawalCheck =
  | { ok: true; lastDay: string | null; lines: { id: number; max: number }[] }
  | { ok: false; code: string; message: string };

/** Whether a withdrawal can still be declared, until which day, and how many copies per line. */
export function checkWithdrawal(order: {
  status: OrderStatus;
  /** An order taken at the counter is not a distance contract: no right of withdrawal. */
  origin: OrderOrigin;
  deliveredAt: Date | null;
  now: Date;
  lines: WithdrawableLine[];
}): WithdrawalCheck {
  // Art. L221-18 gives the right for distance and off-premises contracts only; a special order
  // taken in the shop is neither.
  if (order.origin === 'counter') return COUNTER_ORDER;
  let lastDay: string | null = null;
  if (RECEIVED.includes(order.status)) {
    // The right can be exercised from the order until the period's last day (art. L221-18, L221-19).
    lastDay = withdrawalLastDay(order.deliveredAt ?? order.now);
    if (!isWithinWithdrawalPeriod(lastDay, order.now)) {
      return {
        ok: false,
        code: 'WITHDRAWAL_PERIOD_OVER',
        message: `Le délai de rétractation de quatorze jours après la réception a expiré le ${formatDateLong(new Date(`${lastDay}T12:00:00Z`))} à minuit (Code de la consommation, art. L221-18 et L221-19).`,
      };
    }
  } else if (!BEFORE_RECEIPT.includes(order.status)) {
    return {
      ok: false,
      code: 'NOTHING_TO_WITHDRAW',
      message: 'Cette commande est close (annulée, remboursée ou non payée) : il n’y a rien à rétracter.',
    };
  }
  const lines = order.lines.map((line) => ({
    id: line.id,
    max: Math.max(line.quantity - line.refundedQuantity - line.withdrawnQuantity, 0),
  }));
  if (lines.every((line) => line.max === 0)) {
    return {
      ok: false,
      code: 'NOTHING_TO_WITHDRAW',
      message: 'Votre rétractation est déjà enregistrée pour tous les livres de cette commande.',
    };
  }
  return { ok: true, lastDay, lines };
}

export type WithdrawalChoice = {
  scope: 'tout' | 'lignes';
  lines: { orderLineId: number; quantity: number }[];
};

export type WithdrawalPlan =
  | { ok: true; wholeOrder: boolean; lines: { orderLineId: number; title: string; quantity: number }[] }
  | { ok: false; code: string; message: string };

/** What a declaration withdraws: every copy left, or the copies chosen, each within what remains. */
export function planWithdrawal(
  check: Extract<WithdrawalCheck, { ok: true }>,
  titles: Map<number, string>,
  choice: WithdrawalChoice,
): WithdrawalPlan {
  const wanted =
    choice.scope === 'tout' ? check.lines.map((line) => ({ orderLineId: line.id, quantity: line.max })) : choice.lines;
  for (const line of wanted) {
    const max = check.lines.find((l) => l.id === line.orderLineId)?.max;
    if (max === undefined)
      return { ok: false, code: 'UNKNOWN_LINE', message: 'Ce livre ne fait pas partie de la commande.' };
    if (line.quantity > max) {
      return {
        ok: false,
        code: 'TOO_MANY_COPIES',
        message: `Au plus ${max} exemplaire${max > 1 ? 's' : ''} de ce livre ${max > 1 ? 'peuvent' : 'peut'} encore faire l’objet d’une rétractation.`,
      };
    }
  }
  const lines = wanted
    .filter((line) => line.quantity > 0)
    .map((line) => ({ ...line, title: titles.get(line.orderLineId) ?? '' }));
  if (lines.length === 0) {
    return {
      ok: false,
      code: 'NOTHING_CHOSEN',
      message: 'Indiquez au moins un exemplaire, ou choisissez toute la commande.',
    };
  }
  const wholeOrder = check.lines.every(
    (line) => (lines.find((l) => l.orderLineId === line.id)?.quantity ?? 0) === line.max,
  );
  return { ok: true, wholeOrder, lines };
}
