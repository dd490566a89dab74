// Integration-test helpers for the order desk: staff accounts and paid orders, written through
// the shop's own code paths (placeOrder, Stripe events) into the test database.
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { hashPassword } from '@/lib/auth/password';
import { attachCheckoutSession, placeOrder } from '@/lib/data/buying/checkout';
import { applyStripeEvent } from '@/lib/data/buying/payments';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import type { OrderForPayment } from '@/lib/payments/checkout-session-params';
import type { PrismaClient } from '@/lib/database/prisma-client';
import type { CheckoutForm } from '@/lib/validation/checkout';
import { SAMPLE_CHECKOUT_FORM } from './fixtures/checkout-form';

export type TestStaff = { id: number; email: string; password: string; name: string; role: StaffRole };

export async function createTestStaff(db: PrismaClient, role: StaffRole = 'libraire'): Promise<TestStaff> {
  const tag = randomUUID().slice(0, 8);
  const staff = {
    email: `${role}.${tag}@librairie.test`,
    password: `mot de passe ${tag}`,
    name: `Libraire ${tag}`,
    role,
  };
  const created = await db.staff.create({
    data: { email: staff.email, name: staff.name, role, passwordHash: await hashPassword(staff.password) },
    select: { id: true },
  });
  return { ...staff, id: created.id };
}

export type PlacedOrder = { id: number; reference: string; totalCents: number; shippingCents: number };

/** An order awaiting payment for `quantity` copies of a new test book. */
export async function placeTestOrder(
  db: PrismaClient,
  options: {
    onHand: number;
    withSupplier: boolean;
    quantity?: number;
    pickup?: boolean;
    priceCents?: number;
    forthcomingOn?: Date;
  },
): Promise<{ order: PlacedOrder; book: { id: number; ean: string }; payment: OrderForPayment }> {
  const book = await createTestBook(db, options);
  const [cartId] = await createCarts(db, book.id, 1, options.quantity ?? 1);
  const form: CheckoutForm = options.pickup
    ? {
        ...SAMPLE_CHECKOUT_FORM,
        deliveryMethod: 'shop_pickup',
        addressLine1: undefined,
        postalCode: undefined,
        city: undefined,
      }
    : SAMPLE_CHECKOUT_FORM;
  const placed = await placeOrder(cartId!, form, new Date(), `client-${cartId}`);
  if (!placed.ok) throw new Error(placed.message);
  const { id, reference, totalCents, shippingCents } = placed.order;
  return { order: { id, reference, totalCents, shippingCents }, book, payment: placed.order };
}

/** Paid by a `checkout.session.completed` event as Stripe sends it (no Stripe call). */
export async function createPaidOrder(
  db: PrismaClient,
  options: Parameters<typeof placeTestOrder>[1],
): Promise<{ order: PlacedOrder; book: { id: number; ean: string }; paymentIntentId: string }> {
  const { order, book } = await placeTestOrder(db, options);
  const sessionId = `cs_test_${order.reference}`;
  const paymentIntentId = `pi_test_${order.reference}`;
  await attachCheckoutSession(order.id, sessionId, `https://pay.example/${sessionId}`);
  const event = {
    id: `evt_${randomUUID()}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        client_reference_id: order.reference,
        payment_status: 'paid',
        payment_intent: paymentIntentId,
      },
    },
  } as unknown as Stripe.Event;
  const applied = await applyStripeEvent(event, new Date());
  if (!applied.ok) throw new Error(`The test payment of ${order.reference} was refused: ${JSON.stringify(applied)}`);
  return { order, book, paymentIntentId };
}

/** Stock on hand, and this book's ledger entries for the order, oldest first. */
export async function stockAndLedger(db: PrismaClient, bookId: number, orderId: number) {
  const stock = await db.stockLevel.findUniqueOrThrow({ where: { bookId }, select: { onHand: true, held: true } });
  const ledger = await db.stockMovement.findMany({
    where: { bookId, orderId },
    orderBy: { id: 'asc' },
    select: { quantity: true, reason: true },
  });
  return { stock, ledger };
}
