import { ORDER_STATUS_LABELS, type OrderStatus } from './status';

// An order on account (docs/decisions/027-orders-on-account.md) goes through the order desk like
// any order, unpaid: staff and the customer see it « à facturer » until it leaves the shop with
// its invoice, then « facturée », to be paid by transfer, then « payée » once the transfers
// received cover the invoice (docs/decisions/029-transfers-received.md). Pure.

export type OnAccountState = 'to_invoice' | 'invoiced' | 'paid';

export const ON_ACCOUNT_LABELS: Record<OnAccountState, string> = {
  to_invoice: 'sur compte, à facturer',
  invoiced: 'sur compte, facturée',
  paid: 'sur compte, payée',
};

/** The state of an order placed on account, or null for an order paid at the order. */
export function onAccountState(order: {
  onAccount: boolean;
  invoiced: boolean;
  paid?: boolean;
}): OnAccountState | null {
  if (!order.onAccount) return null;
  if (order.paid) return 'paid';
  return order.invoiced ? 'invoiced' : 'to_invoice';
}

/** « payée » says nothing true of an order on account: « à préparer — sur compte, à facturer ». */
export function orderStatusText(status: OrderStatus, state: OnAccountState | null): string {
  if (state === null) return ORDER_STATUS_LABELS[status];
  if (status === 'paid') return `confirmée, ${ON_ACCOUNT_LABELS[state]}`;
  return `${ORDER_STATUS_LABELS[status]}, ${ON_ACCOUNT_LABELS[state]}`;
}
