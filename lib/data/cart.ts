import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { describeBookAvailability } from '@/lib/catalog/book-availability';
import { supplierCanSupply } from '@/lib/catalog/supplier-supply';
import { allocate, supplyLimit, supplyProblemMessage } from '@/lib/orders/allocation';
import { lineShipWithin, orderDeliveryWindow, orderShipWithin } from '@/lib/orders/delivery-plan';
import { priceOrder, type PricedOrder } from '@/lib/pricing';
import { failure, type Result } from '@/lib/validation/action-result';
import type { AddToCartInput, UpdateCartLineInput } from '@/lib/validation/cart';
import { lockStock } from './stock-locks';

export const CART_BOOK_SELECT = {
  id: true,
  ean: true,
  title: true,
  publisherPriceCents: true,
  vatRateBasisPoints: true,
  supplierAvailabilityCode: true,
  expectedOn: true,
  stock: { select: { onHand: true, reserved: true } },
  supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
  contributors: {
    where: { role: 'A01' },
    orderBy: { position: 'asc' },
    select: { contributor: { select: { name: true } } },
  },
} satisfies Prisma.BookSelect;

type CartBook = Prisma.BookGetPayload<{ select: typeof CART_BOOK_SELECT }>;

export function availableCopies(book: Pick<CartBook, 'stock'>): number {
  return (book.stock?.onHand ?? 0) - (book.stock?.reserved ?? 0);
}

/** The order input of lib/pricing for these lines: prices come from the database only. */
export function pricingInput(
  lines: { book: Pick<CartBook, 'ean' | 'title' | 'publisherPriceCents' | 'vatRateBasisPoints'>; quantity: number }[],
  deliveryMethod: 'home_delivery' | 'shop_pickup',
) {
  return {
    lines: lines.map(({ book, quantity }) => ({
      ean: book.ean,
      title: book.title,
      condition: 'new' as const,
      publisherPriceCents: book.publisherPriceCents,
      vatRateBasisPoints: book.vatRateBasisPoints,
      quantity,
    })),
    customerKind: 'individual' as const,
    deliveryMethod,
    parcelCount: 1,
  };
}

export type CartView = Awaited<ReturnType<typeof getCartView>>;

/** The cart as the reader sees it: lines, prices for each delivery method, delivery window. */
export async function getCartView(cartId: string | null, now: Date) {
  const rows = cartId
    ? await getDb().cartLine.findMany({
        where: { cartId },
        orderBy: { addedAt: 'asc' },
        select: { quantity: true, book: { select: CART_BOOK_SELECT } },
      })
    : [];
  const lines = rows.map(({ book, quantity }) => {
    const facts = { available: availableCopies(book), supplierCanSupply: supplierCanSupply(book) };
    const allocation = allocate(quantity, facts);
    return {
      ean: book.ean,
      title: book.title,
      authors: book.contributors.map((c) => c.contributor.name),
      quantity,
      maxQuantity: supplyLimit(facts),
      availability: describeBookAvailability(book),
      problem: allocation.ok ? null : supplyProblemMessage(allocation.problem, book.title),
      shipWithin: allocation.ok ? lineShipWithin(allocation.allocation, book) : null,
      book,
    };
  });
  const price = (method: 'home_delivery' | 'shop_pickup'): PricedOrder | null => {
    if (lines.length === 0) return null;
    const result = priceOrder(pricingInput(lines, method));
    if (!result.ok) throw new Error(`Cart ${cartId} cannot be priced: ${result.error.code} ${result.error.message}`);
    return result.order;
  };
  const shipWithin = orderShipWithin(lines.map((line) => line.shipWithin));
  return {
    lines: lines.map(({ book: _book, shipWithin: _ship, ...line }) => line),
    homeDelivery: price('home_delivery'),
    shopPickup: price('shop_pickup'),
    deliveryWindow: orderDeliveryWindow(shipWithin, 'home_delivery', now),
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}

/**
 * Adds copies of a book (or sets a line's quantity with `mode: 'set'`; 0 removes it).
 * Refuses what cannot be supplied with the reader's message ("Plus que 2 exemplaires…").
 * Creates the cart when the reader has none; returns its id for the cookie.
 */
export async function changeCartLine(
  cartId: string | null,
  input: AddToCartInput | UpdateCartLineInput,
  mode: 'add' | 'set',
): Promise<Result<{ cartId: string }>> {
  return getDb().$transaction(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true } });
    if (!book) return failure('UNKNOWN_BOOK', 'Ce livre n’existe pas dans notre catalogue.');
    const existing = cartId
      ? await tx.cartLine.findUnique({
          where: { cartId_bookId: { cartId, bookId: book.id } },
          select: { quantity: true },
        })
      : null;
    const quantity = mode === 'add' ? (existing?.quantity ?? 0) + input.quantity : input.quantity;

    if (quantity > 0) {
      // Locking also releases expired holds, so the count below is today's.
      await lockStock(tx, [book.id]);
      const fresh = await tx.book.findUniqueOrThrow({ where: { id: book.id }, select: CART_BOOK_SELECT });
      const facts = { available: availableCopies(fresh), supplierCanSupply: supplierCanSupply(fresh) };
      const allocation = allocate(quantity, facts);
      if (!allocation.ok)
        return failure(allocation.problem.code, supplyProblemMessage(allocation.problem, fresh.title));
      if (quantity > supplyLimit(facts)) {
        return failure(
          'QUANTITY_TOO_LARGE',
          `Au plus ${supplyLimit(facts)} exemplaires de « ${fresh.title} » par commande.`,
        );
      }
    }

    // Checks passed: only now is anything written.
    const id = cartId ?? randomUUID();
    await tx.cart.upsert({ where: { id }, create: { id }, update: {} });
    if (quantity === 0) {
      await tx.cartLine.deleteMany({ where: { cartId: id, bookId: book.id } });
    } else {
      await tx.cartLine.upsert({
        where: { cartId_bookId: { cartId: id, bookId: book.id } },
        create: { cartId: id, bookId: book.id, quantity },
        update: { quantity },
      });
    }
    return { ok: true, cartId: id };
  });
}
