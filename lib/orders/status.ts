import type { OrderStatus } from '@/lib/generated/prisma/enums';

// Stripe's events only move an order forward, so an event that arrives late or twice cannot
// undo a later state (Stripe does not guarantee event order:
// https://docs.stripe.com/webhooks#event-ordering). Staff moves between the fulfilment steps
// (rank 3) follow the explicit transitions of lib/orders/workflow.ts, not this rank.
const RANK: Record<OrderStatus, number> = {
  pending_payment: 0,
  payment_failed: 1,
  expired: 1,
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

export function canMoveTo(from: OrderStatus, to: OrderStatus): boolean {
  return RANK[to] > RANK[from];
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'en attente de paiement',
  paid: 'payée',
  payment_failed: 'paiement refusé',
  expired: 'expirée',
  refunded: 'remboursée',
  preparing: 'en préparation',
  shipped: 'expédiée',
  delivered: 'livrée',
  ready_for_pickup: 'prête au retrait',
  collected: 'retirée',
  cancelled: 'annulée',
};
