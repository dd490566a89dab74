import { createHash } from 'node:crypto';
import { orderStatusText, type OnAccountState } from '@/lib/orders/on-account';
import type { OrderStatus } from '@/lib/orders/status';

// A reader's saved delivery addresses and order history. Pure.

export type SavedAddressFields = {
  fullName: string;
  phone: string | null;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
};

const squash = (value: string | null) => (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * One key per distinct address: "12 rue Soufflot" and "12  Rue soufflot " are the same address, a
 * different name or phone a different one (the form fills all of them).
 */
export function addressKey(fields: SavedAddressFields): string {
  const parts = [
    fields.fullName,
    fields.phone,
    fields.addressLine1,
    fields.addressLine2,
    fields.postalCode,
    fields.city,
  ];
  return createHash('sha256').update(parts.map(squash).join('\n')).digest('hex');
}

/** The delivery address of an order as a saved address, or null for a pickup or an incomplete one. */
export function savedAddressOf(order: {
  fullName: string;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
}): SavedAddressFields | null {
  if (!order.addressLine1 || !order.postalCode || !order.city) return null;
  return {
    fullName: order.fullName,
    phone: order.phone || null,
    addressLine1: order.addressLine1,
    addressLine2: order.addressLine2 || null,
    postalCode: order.postalCode,
    city: order.city,
  };
}

/** "Payée", "Remboursée": the order desk's words, capitalised for a table cell. */
export function historyStatusLabel(status: OrderStatus, onAccount: OnAccountState | null = null): string {
  const label = orderStatusText(status, onAccount);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
