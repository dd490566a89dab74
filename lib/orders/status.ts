import type { OrderStatus } from '@/lib/generated/prisma/enums';

// An order's status only moves forward, so a webhook event that arrives late or twice cannot
// undo a later state (Stripe does not guarantee event order:
// https://docs.stripe.com/webhooks#event-ordering).
const RANK: Record<OrderStatus, number> = {
  pending_payment: 0,
  payment_failed: 1,
  expired: 1,
  paid: 2,
  refunded: 3,
};

export function canMoveTo(from: OrderStatus, to: OrderStatus): boolean {
  return RANK[to] > RANK[from];
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'en attente de paiement',
  paid: 'payée',
  payment_failed: 'paiement refusé',
  expired: 'expirée',
  refunded: 'remboursée',
};
