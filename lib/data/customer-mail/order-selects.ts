import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** What an e-mail tells of an order (lib/email/order-snapshot.ts), and the base of the customer's tracking page. */
export const ORDER_SNAPSHOT_SELECT = {
  reference: true,
  status: true,
  fullName: true,
  email: true,
  deliveryMethod: true,
  createdAt: true,
  paidAt: true,
  termsVersion: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  goodsCents: true,
  shippingCents: true,
  totalCents: true,
  deliveryEarliestOn: true,
  deliveryLatestOn: true,
  pricing: true,
  carrier: true,
  trackingNumber: true,
  lines: {
    orderBy: { id: 'asc' },
    select: {
      title: true,
      ean: true,
      quantity: true,
      unitPriceCents: true,
      lineTotalCents: true,
      vatRateBasisPoints: true,
      backorderQuantity: true,
      shipWithinMinDays: true,
      shipWithinMaxDays: true,
      supplierExpectedOn: true,
      preOrderPublishedOn: true,
    },
  },
} satisfies Prisma.OrderSelect;
