// What a customer sees of their order at /suivi/<token>: the steps (no staff names, no internal
// notes), the street of the address masked (whether a withdrawal can still be declared: withdrawal.ts).
// Pure: lib/data/customer-mail/tracked-order.ts reads the order and passes its facts here.
import { formatDateLong, formatDateShort } from '@/lib/core/date';
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
          ? `${facts.awaitedCopies} exemplaire${facts.awaitedCopies > 1 ? 's' : ''} attendu${facts.awaitedCopies > 1 ? 's' : ''}, arrivée prévue au plus tard le ${formatDateLong(new Date(`${facts.awaitedUntil}T12:00:00Z`))}`
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
