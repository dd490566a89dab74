import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { describeBookAvailability, supplierCanSupply } from '@/lib/catalog/book-availability';
import { allocate, availableCopies, supplyLimit, type SupplyFacts } from '@/lib/orders/allocation';
import { linePublishedOn, lineShipWithin, orderWindowOfPlans } from '@/lib/orders/delivery-plan';
import { priceOrder, type DeliveryMethod, type PricedOrder } from '@/lib/pricing';
import type { ShippingTable } from '@/lib/pricing';
import { SHOP } from '@/lib/shop/config';
import { failure, type Result } from '@/lib/core/result';
import type { AddToCartInput, UpdateCartLineInput } from '@/lib/validation/cart';
import { SUPPLY_FACTS_SELECT } from '@/lib/data/storefront/book-selects';
import { isDatabaseBusy } from '@/lib/database/errors';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { releaseExpiredHoldsIfAny } from '@/lib/data/stock/stock-holds';
import { Rejection, transact } from '@/lib/data/platform/transactions';

export const CART_BOOK_SELECT = {
  id: true,
  ean: true,
  title: true,
  publisherPriceCents: true,
  vatRateBasisPoints: true,
  ...SUPPLY_FACTS_SELECT,
  stock: { select: { onHand: true, held: true } },
  contributors: {
    where: { role: 'A01' },
    orderBy: { position: 'asc' },
    select: { contributor: { select: { name: true } } },
  },
} satisfies Prisma.BookSelect;

export type CartBook = Prisma.BookGetPayload<{ select: typeof CART_BOOK_SELECT }>;

/** What allocation needs of a book: its title, the copies left, whether the distributor has more. */
export function supplyFacts(
  book: Pick<CartBook, 'title' | 'supplierAvailabilityCode' | 'expectedOn' | 'supplier'>,
  stock: { onHand: number; held: number } | null,
): SupplyFacts {
  return { title: book.title, available: availableCopies(stock), supplierCanSupply: supplierCanSupply(book) };
}

/** Prices these lines with lib/pricing, from database prices only, with the shop's fee table. */
export function priceLines(
  lines: { book: Pick<CartBook, 'ean' | 'title' | 'publisherPriceCents' | 'vatRateBasisPoints'>; quantity: number }[],
  deliveryMethod: DeliveryMethod,
  shippingTable: ShippingTable,
) {
  const input = {
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
  };
  return priceOrder(input, { shippingTable });
}

/** Copies in the cart, for the header's "Panier (2)": one sum over the cart's lines (their primary key). */
export async function countCartCopies(cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const { _sum } = await getDb().cartLine.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}

/**
 * For the header (the page's frame): the count, or null when the database does not answer, so the
 * frame still renders and the page itself, if it reads the database, sends the reader to the 503
 * page (lib/http/database-guard.ts), as the shop's settings do (getShopSettingsForFrame).
 */
export async function countCartCopiesForFrame(cartId: string | null): Promise<number | null> {
  try {
    return await countCartCopies(cartId);
  } catch (error) {
    if (isDatabaseBusy(error)) return null;
    throw error;
  }
}

export type CartView = Awaited<ReturnType<typeof getCartView>>;

/** The cart as the reader sees it: lines, prices for each delivery method, delivery window. */
export async function getCartView(cartId: string | null, now: Date) {
  const settings = await getShopSettings();
  const rows = cartId
    ? await getDb().cartLine.findMany({
        where: { cartId },
        orderBy: { addedAt: 'asc' },
        select: { quantity: true, book: { select: CART_BOOK_SELECT } },
      })
    : [];
  const lines = rows.map(({ book, quantity }) => {
    const facts = supplyFacts(book, book.stock);
    const allocation = allocate(quantity, facts);
    return {
      ean: book.ean,
      title: book.title,
      authors: book.contributors.map((c) => c.contributor.name),
      quantity,
      maxQuantity: supplyLimit(facts),
      availability: describeBookAvailability(book, now),
      problem: allocation.ok ? null : allocation.message,
      shipWithin: allocation.ok ? lineShipWithin(allocation.allocation, book, now) : null,
      /** Set for a pre-order: "Précommande — parution le …". */
      publishedOn: allocation.ok ? linePublishedOn(allocation.allocation, book, now) : null,
      book,
    };
  });
  const price = (method: DeliveryMethod): PricedOrder | null => {
    if (lines.length === 0) return null;
    const result = priceLines(lines, method, settings.shippingTable);
    if (!result.ok) throw new Error(`Cart ${cartId} cannot be priced: ${result.code} ${result.message}`);
    return result.order;
  };
  return {
    lines: lines.map(({ book: _book, shipWithin: _ship, ...line }) => line),
    homeDelivery: price('home_delivery'),
    shopPickup: price('shop_pickup'),
    deliveryWindow: orderWindowOfPlans(lines, 'home_delivery', now, settings.orderCutoffHour),
    shippingLabels: {
      home_delivery: settings.shippingTable.home_delivery.label,
      shop_pickup: settings.shippingTable.shop_pickup.label,
    },
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}

/**
 * Adds copies of a book (or sets a line's quantity with `mode: 'set'`; 0 removes it).
 * Refuses what cannot be supplied with the reader's message ("Plus que 2 exemplaires…"), or
 * more than the shop's caps per book and per order, and then writes nothing. Creates the cart
 * when the reader has none; returns its id for the cookie.
 * The cart row is locked first, so simultaneous changes of one cart (two tabs, a double click)
 * apply one after the other: 60 simultaneous "+1" give 60 more copies, none lost. The book's
 * stock row is not locked (a cart holds no copy): readers adding the same book do not queue.
 */
export async function changeCartLine(
  cartId: string | null,
  input: AddToCartInput | UpdateCartLineInput,
  mode: 'add' | 'set',
): Promise<Result<{ cartId: string }>> {
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true } });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Ce livre n’existe pas dans notre catalogue.'));
    const bookId = book.id;
    const id = cartId ?? randomUUID();
    // Creates the cart if needed (a new reader, or a cart purged since), then locks its row.
    await tx.$executeRaw`INSERT INTO "Cart" ("id", "updatedAt") VALUES (${id}::uuid, now()) ON CONFLICT DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM "Cart" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const lines = await tx.cartLine.findMany({ where: { cartId: id }, select: { bookId: true, quantity: true } });
    const existing = lines.find((line) => line.bookId === bookId)?.quantity ?? 0;
    const quantity = mode === 'add' ? existing + input.quantity : input.quantity;

    if (quantity > 0) {
      await releaseExpiredHoldsIfAny(tx, [bookId]);
      const fresh = await tx.book.findUniqueOrThrow({ where: { id: bookId }, select: CART_BOOK_SELECT });
      const facts = supplyFacts(fresh, fresh.stock);
      const allocation = allocate(quantity, facts);
      if (!allocation.ok) throw new Rejection(allocation);
      if (quantity > supplyLimit(facts)) {
        throw new Rejection(
          failure(
            'QUANTITY_TOO_LARGE',
            `Au plus ${supplyLimit(facts)} exemplaires de « ${fresh.title} » par commande.`,
          ),
        );
      }
      const otherCopies = lines.reduce((sum, line) => sum + (line.bookId === bookId ? 0 : line.quantity), 0);
      if (otherCopies + quantity > SHOP.maxCopiesPerOrder) throw new Rejection(orderTooLarge());
    }

    if (quantity === 0) {
      await tx.cartLine.deleteMany({ where: { cartId: id, bookId } });
    } else {
      await tx.cartLine.upsert({
        where: { cartId_bookId: { cartId: id, bookId } },
        create: { cartId: id, bookId, quantity },
        update: { quantity },
      });
    }
    await tx.cart.update({ where: { id }, data: { updatedAt: new Date() } });
    return { ok: true as const, cartId: id };
  });
}

/** The cap on copies per online order (SHOP.maxCopiesPerOrder), in the reader's words. */
export function orderTooLarge() {
  return failure(
    'ORDER_TOO_LARGE',
    `Au plus ${SHOP.maxCopiesPerOrder} exemplaires par commande en ligne. Pour une commande plus importante (bibliothèque, établissement), contactez la librairie.`,
  );
}
