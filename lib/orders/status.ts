// An order's status only moves forward, so a webhook event that arrives late or twice cannot
// undo a later state (Stripe does not guarantee event order:
// https://docs.stripe.com/webhooks#event-ordering).
// Pure: the database enum (prisma/schema.prisma, OrderStatus) is checked against this list in
// lib/data/order-status.ts, so the two cannot drift apart.

export const ORDER_STATUSES = ['pending_payment', 'payment_failed', 'expired', 'replaced', 'paid', 'refunded'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

const RANK: Record<OrderStatus, number> = {
  pending_payment: 0,
  payment_failed: 1,
  expired: 1,
  replaced: 1,
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
  replaced: 'remplacée par une commande plus récente',
  refunded: 'remboursée',
};
