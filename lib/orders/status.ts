// Stripe's events only move an order forward, so an event that arrives late or twice cannot
// undo a later state (Stripe does not guarantee event order:
// https://docs.stripe.com/webhooks#event-ordering). Staff moves between the fulfilment steps
// (rank 3) follow the explicit transitions of lib/orders/workflow.ts, not this rank.
// Pure: the database enum (prisma/schema.prisma, OrderStatus) is checked against this list in
// lib/data/platform/enum-checks.ts, so the two cannot drift apart.

export const ORDER_STATUSES = [
  'pending_payment',
  'payment_failed',
  'expired',
  'replaced',
  'paid',
  'preparing',
  'shipped',
  'delivered',
  'ready_for_pickup',
  'collected',
  'refunded',
  'cancelled',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

const RANK: Record<OrderStatus, number> = {
  pending_payment: 0,
  payment_failed: 1,
  expired: 1,
  replaced: 1,
  paid: 2,
  // Order desk: the parcel's way to the customer. A payment event never moves between these.
  preparing: 3,
  shipped: 3,
  delivered: 3,
  ready_for_pickup: 3,
  collected: 3,
  // Closed: every euro given back, or cancelled by staff (and refunded).
  refunded: 4,
  cancelled: 4,
};

/** An order no payment has come for (yet): nothing to prepare, nothing to refund. */
export const UNPAID_STATUSES: readonly OrderStatus[] = ['pending_payment', 'payment_failed', 'expired', 'replaced'];

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
  preparing: 'en préparation',
  shipped: 'expédiée',
  delivered: 'livrée',
  ready_for_pickup: 'prête au retrait',
  collected: 'retirée',
  cancelled: 'annulée',
};
