import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DeliveryMethod } from '@/lib/pricing';
import type { CartBook } from './cart';
import { afterCommit, type Tx } from '@/lib/data/platform/transactions';
import { countHoldsPlaced } from '@/lib/observability/metrics';
import { TERMS_VERSION } from '@/lib/terms/version';

// The checkout's two busiest statements, in SQL: each replaces several of Prisma's queries (one
// per relation read, one per table written), so a checkout holds its locks for fewer round
// trips (holds per second, bench/holds.ts). Each statement returns what Prisma's would have.

/** The book facts a checkout reads (a subset of CART_BOOK_SELECT: no stock, read under lock). */
export type CheckoutBook = Pick<
  CartBook,
  'id' | 'ean' | 'title' | 'publisherPriceCents' | 'vatRateBasisPoints' | 'supplierAvailabilityCode' | 'expectedOn'
> & { supplier: { leadTimeMinDays: number; leadTimeMaxDays: number } | null };

export type CheckoutCart = {
  lines: { quantity: number; book: CheckoutBook }[];
  unpaid: { id: number; checkoutFingerprint: string | null; reusable: boolean; stripeSessionUrl: string | null }[];
  /** Copies this client holds in its unpaid orders (SHOP.maxHeldCopiesPerClient). */
  clientHeld: number;
};

type CartRow = {
  quantity: number;
  id: number;
  ean: string;
  title: string;
  publisherPriceCents: number;
  vatRateBasisPoints: number;
  supplierAvailabilityCode: string | null;
  expectedOn: Date | null;
  leadTimeMinDays: number | null;
  leadTimeMaxDays: number | null;
  unpaid: CheckoutCart['unpaid'] | null;
  clientHeld: number;
};

/**
 * The cart's lines with their books, its unpaid orders and the client's held copies, in one
 * statement. Call it after locking the cart and the client (a statement reads the rows as they
 * were when it began: a lock taken in the same statement would not protect them).
 * An unpaid order is reusable when its copies stay held for `reuseMarginMinutes` more.
 */
export async function readCheckoutCart(
  tx: Tx,
  cartId: string,
  clientKey: string,
  now: Date,
  reuseMarginMinutes: number,
): Promise<CheckoutCart> {
  const reusableAfter = new Date(now.getTime() + reuseMarginMinutes * 60_000).toISOString();
  const rows = await tx.$queryRaw<CartRow[]>`
    SELECT cl."quantity", b."id", b."ean", b."title", b."publisherPriceCents", b."vatRateBasisPoints",
           b."supplierAvailabilityCode", b."expectedOn", s."leadTimeMinDays", s."leadTimeMaxDays",
           (SELECT json_agg(json_build_object(
                     'id', o."id", 'checkoutFingerprint', o."checkoutFingerprint",
                     'reusable', o."holdExpiresAt" > (${reusableAfter}::timestamptz AT TIME ZONE 'UTC'),
                     'stripeSessionUrl', o."stripeSessionUrl"))
              FROM "Order" o WHERE o."cartId" = ${cartId}::uuid AND o."status" = 'pending_payment') AS "unpaid",
           (SELECT COALESCE(SUM(h."quantity"), 0)::int
              FROM "Hold" h JOIN "Order" o ON o."id" = h."orderId"
              WHERE o."clientKey" = ${clientKey} AND o."status" = 'pending_payment'
                AND h."status" = 'active' AND h."expiresAt" > now()) AS "clientHeld"
    FROM "CartLine" cl
    JOIN "Book" b ON b."id" = cl."bookId"
    LEFT JOIN "Supplier" s ON s."id" = b."supplierId"
    WHERE cl."cartId" = ${cartId}::uuid
    ORDER BY b."id"`;
  const first = rows[0];
  return {
    lines: rows.map((row) => ({
      quantity: row.quantity,
      book: {
        id: row.id,
        ean: row.ean,
        title: row.title,
        publisherPriceCents: row.publisherPriceCents,
        vatRateBasisPoints: row.vatRateBasisPoints,
        supplierAvailabilityCode: row.supplierAvailabilityCode,
        expectedOn: row.expectedOn,
        supplier:
          row.leadTimeMinDays === null || row.leadTimeMaxDays === null
            ? null
            : { leadTimeMinDays: row.leadTimeMinDays, leadTimeMaxDays: row.leadTimeMaxDays },
      },
    })),
    unpaid: first?.unpaid ?? [],
    clientHeld: first?.clientHeld ?? 0,
  };
}

export type NewOrder = {
  reference: string;
  /** Null for an order placed from an accepted quote. */
  cartId: string | null;
  email: string;
  fullName: string;
  phone: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  deliveryMethod: DeliveryMethod;
  goodsCents: number;
  shippingCents: number;
  totalCents: number;
  pricing: Prisma.InputJsonValue;
  deliveryEarliestOn: Date | null;
  deliveryLatestOn: Date | null;
  holdExpiresAt: Date;
  checkoutFingerprint: string;
  clientKey: string;
  lines: {
    bookId: number;
    ean: string;
    title: string;
    quantity: number;
    unitPriceCents: number;
    lineTotalCents: number;
    vatRateBasisPoints: number;
    fromStockQuantity: number;
    backorderQuantity: number;
    shipWithinMinDays: number;
    shipWithinMaxDays: number;
    /** A pre-order's publication date (lib/orders/delivery-plan.ts, linePublishedOn). */
    preOrderPublishedOn: Date | null;
  }[];
  /** Copies held until this instant (the provisional hold: lib/data/buying/checkout.ts). */
  holdsExpireAt: Date;
};

/**
 * Writes the order, its lines and its holds, and adds the held copies to the books' stock rows,
 * in one statement. The stock rows must be locked already (lockStock). Returns the order's id.
 */
export async function insertOrderWithHolds(tx: Tx, order: NewOrder): Promise<number> {
  const lines = order.lines;
  const held = lines.filter((line) => line.fromStockQuantity > 0);
  const column = <K extends keyof NewOrder['lines'][number]>(key: K) => lines.map((line) => line[key]);
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    WITH created AS (
      INSERT INTO "Order" ("reference", "cartId", "email", "fullName", "phone", "addressLine1", "addressLine2",
                           "postalCode", "city", "deliveryMethod", "goodsCents", "shippingCents", "totalCents",
                           "pricing", "deliveryEarliestOn", "deliveryLatestOn", "holdExpiresAt",
                           "checkoutFingerprint", "clientKey", "termsVersion", "updatedAt")
      VALUES (${order.reference}, ${order.cartId}::uuid, ${order.email}, ${order.fullName}, ${order.phone},
              ${order.addressLine1}, ${order.addressLine2}, ${order.postalCode}, ${order.city},
              ${order.deliveryMethod}::"DeliveryMethod", ${order.goodsCents}::int, ${order.shippingCents}::int,
              ${order.totalCents}::int, ${JSON.stringify(order.pricing)}::jsonb,
              ${dateOnly(order.deliveryEarliestOn)}::date, ${dateOnly(order.deliveryLatestOn)}::date,
              (${order.holdExpiresAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
              ${order.checkoutFingerprint}, ${order.clientKey}, ${TERMS_VERSION}, now())
      RETURNING "id"
    ), order_lines AS (
      INSERT INTO "OrderLine" ("orderId", "bookId", "ean", "title", "quantity", "unitPriceCents", "lineTotalCents",
                               "vatRateBasisPoints", "fromStockQuantity", "backorderQuantity",
                               "shipWithinMinDays", "shipWithinMaxDays", "preOrderPublishedOn")
      SELECT created."id", v.*
      FROM created, unnest(${column('bookId')}::int[], ${column('ean')}::text[], ${column('title')}::text[],
                           ${column('quantity')}::int[], ${column('unitPriceCents')}::int[],
                           ${column('lineTotalCents')}::int[], ${column('vatRateBasisPoints')}::int[],
                           ${column('fromStockQuantity')}::int[], ${column('backorderQuantity')}::int[],
                           ${column('shipWithinMinDays')}::int[], ${column('shipWithinMaxDays')}::int[],
                           ${lines.map((line) => dateOnly(line.preOrderPublishedOn))}::date[]) AS v
    ), holds AS (
      INSERT INTO "Hold" ("orderId", "bookId", "quantity", "expiresAt", "updatedAt")
      SELECT created."id", v."bookId", v."quantity",
             (${order.holdsExpireAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), now()
      FROM created, unnest(${held.map((line) => line.bookId)}::int[],
                           ${held.map((line) => line.fromStockQuantity)}::int[]) AS v("bookId", "quantity")
    ), stock AS (
      UPDATE "StockLevel" s SET "held" = s."held" + v."quantity", "updatedAt" = now()
      FROM unnest(${held.map((line) => line.bookId)}::int[],
                  ${held.map((line) => line.fromStockQuantity)}::int[]) AS v("bookId", "quantity")
      WHERE s."bookId" = v."bookId"
    )
    SELECT "id" FROM created`;
  if (!row) throw new Error('The order was not written');
  afterCommit(tx, () => countHoldsPlaced(held.length));
  return row.id;
}

/** A date column's value: the day as YYYY-MM-DD (the Date is midnight UTC, lib/availability). */
function dateOnly(day: Date | null): string | null {
  return day ? day.toISOString().slice(0, 10) : null;
}
