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
import { failure, type Failure, type Result } from '@/lib/core/result';
import type { AddToCartInput, UpdateCartLineInput } from '@/lib/validation/cart';
import { SUPPLY_FACTS_SELECT } from '@/lib/data/storefront/book-selects';
import { isDatabaseBusy } from '@/lib/database/errors';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { lockStock } from '@/lib/data/stock/stock-holds';
import {
  createCartWithLine,
  lockCart,
  readCartChangeFacts,
  writeCartLine,
  type CartChangeFacts,
} from './cart-change-statements';
import { busy, Rejection, transact } from '@/lib/data/platform/transactions';

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
 * apply one after the other: 60 simultaneous "+1" give 60 more copies, none lost. A reader's
 * first add has no cart to lock: it is written in one statement (addToNewCart). The book's
 * stock row is not locked (a cart holds no copy): readers adding the same book do not queue.
 */
export async function changeCartLine(
  cartId: string | null,
  input: AddToCartInput | UpdateCartLineInput,
  mode: 'add' | 'set',
): Promise<Result<{ cartId: string }>> {
  if (cartId === null && mode === 'add') {
    const first = await addToNewCart(input);
    if (first !== 'locking needed') return first;
  }
  return transact(async (tx) => {
    const id = cartId ?? randomUUID();
    await lockCart(tx, id);
    const facts = await readCartChangeFacts(tx, id, input.ean);
    if (!facts) throw new Rejection(unknownBook());
    const bookId = facts.book.id;
    const existing = facts.lines.find((line) => line.bookId === bookId)?.quantity ?? 0;
    const quantity = mode === 'add' ? existing + input.quantity : input.quantity;
    if (quantity > 0) {
      // Holds past their expiry still count in `held` until released (under the stock row's lock).
      const stock = facts.expiredHolds ? ((await lockStock(tx, [bookId])).get(bookId) ?? null) : facts.stock;
      const refusal = cartChangeRefusal(facts, stock, quantity);
      if (refusal) throw new Rejection(refusal);
    }
    await writeCartLine(tx, id, bookId, quantity);
    return { ok: true as const, cartId: id };
  });
}

/**
 * A reader's first add (no cart yet): the book read, the change checked, then the cart and its
 * line written in one statement; no transaction to hold open. A book with expired holds to
 * release takes the locking path.
 */
async function addToNewCart(
  input: AddToCartInput | UpdateCartLineInput,
): Promise<Result<{ cartId: string }> | 'locking needed'> {
  const db = getDb();
  try {
    const facts = await readCartChangeFacts(db, null, input.ean);
    if (!facts) return unknownBook();
    if (facts.expiredHolds) return 'locking needed';
    const refusal = cartChangeRefusal(facts, facts.stock, input.quantity);
    if (refusal) return refusal;
    const cartId = randomUUID();
    await createCartWithLine(db, cartId, facts.book.id, input.quantity);
    return { ok: true, cartId };
  } catch (error) {
    if (isDatabaseBusy(error)) return busy();
    throw error;
  }
}

/** Why `quantity` copies of the book cannot be in the cart, or null: supply, and the caps per book and per order. */
function cartChangeRefusal(
  facts: CartChangeFacts,
  stock: { onHand: number; held: number } | null,
  quantity: number,
): Failure | null {
  const supply = supplyFacts(facts.book, stock);
  const allocation = allocate(quantity, supply);
  if (!allocation.ok) return allocation;
  if (quantity > supplyLimit(supply)) {
    return failure(
      'QUANTITY_TOO_LARGE',
      `Au plus ${supplyLimit(supply)} exemplaires de « ${facts.book.title} » par commande.`,
    );
  }
  const otherCopies = facts.lines.reduce((sum, line) => sum + (line.bookId === facts.book.id ? 0 : line.quantity), 0);
  return otherCopies + quantity > SHOP.maxCopiesPerOrder ? orderTooLarge() : null;
}

function unknownBook() {
  return failure('UNKNOWN_BOOK', 'Ce livre n’existe pas dans notre catalogue.');
}

/** The cap on copies per online order (SHOP.maxCopiesPerOrder), in the reader's words. */
export function orderTooLarge() {
  return failure(
    'ORDER_TOO_LARGE',
    `Au plus ${SHOP.maxCopiesPerOrder} exemplaires par commande en ligne. Pour une commande plus importante (bibliothèque, établissement), contactez la librairie.`,
  );
}
