// What a customer sees of their order at /suivi/<token>: the steps (no staff names, no internal
// notes), the street of the address masked, and whether a withdrawal can still be declared.
// Pure: lib/data/customer-mail/tracked-order.ts reads the order and passes its facts here.
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { OrderStatus } from '@/lib/orders/status';

export type StepState = 'done' | 'current' | 'upcoming';

export type CustomerStep = {
  label: string;
  state: StepState;
  at: Date | null;
  detail: string | null;
  link: { label: string; href: string } | null;
};

export type TimelineFacts = {
  status: OrderStatus;
  deliveryMethod: 'home_delivery' | 'shop_pickup';
  createdAt: Date;
  paidAt: Date | null;
  /** When each status was reached, from the audit log (the order desk's changes). */
  reachedAt: Partial<Record<OrderStatus, Date>>;
  /** Copies ordered from the distributor, and those still awaited with the latest expected day. */
  backorderedCopies: number;
  awaitedCopies: number;
  awaitedUntil: string | null;
  shipment: { carrierLabel: string; trackingNumber: string; url: string } | null;
  refunds: { at: Date; amountCents: number }[];
  totalCents: number;
};

const step = (label: string, at: Date | null, detail: string | null = null, link: CustomerStep['link'] = null) => ({
  label,
  at,
  detail,
  link,
});

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });

export function customerTimeline(facts: TimelineFacts): CustomerStep[] {
  const { status, reachedAt } = facts;
  const home = facts.deliveryMethod === 'home_delivery';
  type Draft = ReturnType<typeof step> & { reached: boolean };
  const drafts: Draft[] = [{ ...step('commandée', facts.createdAt), reached: true }];
  drafts.push({ ...step('payée', facts.paidAt), reached: facts.paidAt !== null });
  if (facts.backorderedCopies > 0) {
    const waiting = facts.awaitedCopies > 0;
    drafts.push({
      ...step(
        'en attente du distributeur',
        null,
        waiting && facts.awaitedUntil
          ? `${facts.awaitedCopies} exemplaire${facts.awaitedCopies > 1 ? 's' : ''} attendu${facts.awaitedCopies > 1 ? 's' : ''}, arrivée prévue au plus tard le ${DAY.format(new Date(`${facts.awaitedUntil}T12:00:00Z`))}`
          : waiting
            ? `${facts.awaitedCopies} exemplaire${facts.awaitedCopies > 1 ? 's' : ''} attendu${facts.awaitedCopies > 1 ? 's' : ''}`
            : 'exemplaires reçus',
      ),
      reached: facts.paidAt !== null,
    });
  }
  const closed = status === 'cancelled' || status === 'refunded';
  const flow: OrderStatus[] = home ? ['preparing', 'shipped', 'delivered'] : ['ready_for_pickup', 'collected'];
  const labels: Partial<Record<OrderStatus, string>> = {
    preparing: 'en préparation',
    shipped: 'expédiée',
    delivered: 'livrée',
    ready_for_pickup: 'prête au retrait',
    collected: 'retirée',
  };
  const currentIndex = flow.indexOf(status);
  for (const [index, stage] of flow.entries()) {
    const reached = currentIndex >= index || reachedAt[stage] !== undefined;
    if (closed && !reached) continue;
    const shipment = stage === 'shipped' && facts.shipment;
    drafts.push({
      ...step(
        labels[stage] ?? stage,
        reachedAt[stage] ?? null,
        shipment ? `${shipment.carrierLabel}, numéro de suivi ${shipment.trackingNumber}` : null,
        shipment ? { label: `Suivre le colis sur le site de ${shipment.carrierLabel}`, href: shipment.url } : null,
      ),
      reached,
    });
  }
  if (status === 'cancelled') drafts.push({ ...step('annulée', reachedAt.cancelled ?? null), reached: true });
  const refunded = facts.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  if (refunded > 0) {
    const last = facts.refunds.at(-1)!;
    const whole = refunded >= facts.totalCents;
    drafts.push({
      ...step(
        whole ? 'remboursée' : 'remboursée en partie',
        last.at,
        `${formatPrice(refunded)} remboursé${whole ? 's' : 's'} sur ${formatPrice(facts.totalCents)}${facts.refunds.length > 1 ? ` (${facts.refunds.map((r) => `${formatPrice(r.amountCents)} le ${formatDateShort(r.at)}`).join(', ')})` : ''}`,
      ),
      reached: true,
    });
  }
  const lastReached = drafts.map((d) => d.reached).lastIndexOf(true);
  return drafts.map(({ reached, ...rest }, index) => ({
    ...rest,
    state: index === lastReached ? 'current' : reached ? 'done' : 'upcoming',
  }));
}

/** "12 rue Soufflot" → "1• r•• S••••••": enough to recognise one's own address, not to learn one. */
export function maskStreet(street: string): string {
  return street
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0] ?? ''}${'•'.repeat(Math.max([...word].length - 1, 0))}`)
    .join(' ');
}

// --- Withdrawal (droit de rétractation) -----------------------------------------------------

/** Code de la consommation, art. L221-18: 14 days from the day the customer received the goods. */
export const WITHDRAWAL_DAYS = 14;

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
  deliveredAt: Date | null;
  now: Date;
  lines: WithdrawableLine[];
}): WithdrawalCheck {
  let lastDay: string | null = null;
  if (RECEIVED.includes(order.status)) {
    // The right can be exercised from the order until the 14th day after receipt (art. L221-18).
    const received = order.deliveredAt ?? order.now;
    lastDay = new Date(received.getTime() + WITHDRAWAL_DAYS * 24 * 3600_000).toISOString().slice(0, 10);
    if (order.now.toISOString().slice(0, 10) > lastDay) {
      return {
        ok: false,
        code: 'WITHDRAWAL_PERIOD_OVER',
        message: `Le délai de rétractation de quatorze jours après la réception est écoulé depuis le ${DAY.format(new Date(`${lastDay}T12:00:00Z`))} (Code de la consommation, art. L221-18).`,
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
