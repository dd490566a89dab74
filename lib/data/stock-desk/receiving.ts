import 'server-only';
import { getDb } from '@/lib/db';
import type { SupplyTerms } from '@/lib/generated/prisma/enums';
import { formatDateTime } from '@/lib/core/date-time';
import { unitCostExclVat } from '@/lib/stock/purchase-cost';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import { allocateReceivedCopies, lockWaitingOrders, type OrderMovedForward } from './backorder-allocation';
import { bookMovements } from '@/lib/data/stock/stock-ledger';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { lockBookStock } from '@/lib/data/stock/stock-holds';

// Receiving a distributor's parcel ("Valider" on /admin/receptions/nouvelle), in one transaction:
// the delivery and its lines, DELIVERY movements, copies given to the customers waiting for them
// (lib/data/stock-desk/backorder-allocation.ts), the purchase order it answers, the audit log. Locks, in
// this order: the purchase order, the waiting orders (ascending), the books' stock rows
// (ascending). The same delivery note cannot be booked twice: a unique index on (supplier,
// note number), and the purchase order's version, refuse the second of two members of staff
// validating the same parcel at once (docs/decisions/012-stock-desk-receiving-and-ledger.md).

export type DeliveryLineInput = {
  ean: string;
  quantity: number;
  discountBasisPoints: number;
  terms: SupplyTerms;
};

export type DeliveryInput = {
  supplierId: number;
  noteNumber: string;
  purchaseOrder: { id: number; version: number } | null;
  lines: DeliveryLineInput[];
};

export type ReceivedDelivery = {
  deliveryId: number;
  copies: number;
  toShelf: number;
  orders: OrderMovedForward[];
};

export async function receiveDelivery(
  actor: Actor,
  input: DeliveryInput,
  now = new Date(),
): Promise<Result<ReceivedDelivery>> {
  return transact(async (tx) => {
    const supplier = await tx.supplier.findUnique({
      where: { id: input.supplierId },
      select: { id: true, name: true },
    });
    if (!supplier) throw new Rejection(failure('UNKNOWN_SUPPLIER', 'Distributeur inconnu.'));
    const purchaseOrder = input.purchaseOrder
      ? await lockPurchaseOrderForReceipt(tx, input.purchaseOrder, supplier.id)
      : null;

    const eans = [...new Set(input.lines.map((line) => line.ean))];
    const books = await tx.book.findMany({
      where: { ean: { in: eans } },
      select: { id: true, ean: true, title: true, publisherPriceCents: true, vatRateBasisPoints: true },
    });
    const byEan = new Map(books.map((book) => [book.ean, book]));
    const unknown = eans.filter((ean) => !byEan.has(ean));
    if (unknown.length > 0) {
      throw new Rejection(
        failure(
          'UNKNOWN_BOOK',
          `Livre${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} du catalogue : ${unknown.join(', ')}. Créez-le${unknown.length > 1 ? 's' : ''} d’abord.`,
        ),
      );
    }

    // The parcel's key. A second "Valider" of the same note waits here for the first to commit,
    // then finds the note taken.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "Delivery" ("supplierId", "noteNumber", "purchaseOrderId", "receivedById", "receivedAt")
      VALUES (${supplier.id}, ${input.noteNumber}, ${purchaseOrder?.id ?? null}, ${actor.id}, ${now})
      ON CONFLICT ("supplierId", "noteNumber") DO NOTHING
      RETURNING "id"`;
    const deliveryId = inserted[0]?.id;
    if (deliveryId === undefined) throw new Rejection(await alreadyReceived(tx, supplier, input.noteNumber));

    const lines = input.lines.map((line) => {
      const book = byEan.get(line.ean)!;
      return {
        deliveryId,
        bookId: book.id,
        quantity: line.quantity,
        terms: line.terms,
        publisherPriceCents: book.publisherPriceCents,
        discountBasisPoints: line.discountBasisPoints,
        unitCostExclVatCents: unitCostExclVat({
          publisherPriceCents: book.publisherPriceCents,
          vatRateBasisPoints: book.vatRateBasisPoints,
          discountBasisPoints: line.discountBasisPoints,
        }),
      };
    });
    await tx.deliveryLine.createMany({ data: lines });

    const received = new Map<number, number>();
    for (const line of lines) received.set(line.bookId, (received.get(line.bookId) ?? 0) + line.quantity);
    const bookIds = [...received.keys()];

    const lockedOrderIds = await lockWaitingOrders(tx, bookIds);
    await lockBookStock(tx, bookIds);
    await bookMovements(
      tx,
      lines.map((line) => ({
        bookId: line.bookId,
        quantity: line.quantity,
        reason: 'DELIVERY',
        reference: `${supplier.name} — BL ${input.noteNumber}`,
        note: line.terms === 'on_approval' ? 'office' : null,
        deliveryId,
        staffId: actor.id,
      })),
    );
    const allocation = await allocateReceivedCopies(tx, {
      received,
      lockedOrderIds,
      document: { deliveryId, reference: input.noteNumber },
      actor,
      now,
    });
    if (purchaseOrder) await recordReceiptOnPurchaseOrder(tx, purchaseOrder.id, received);

    const copies = lines.reduce((sum, line) => sum + line.quantity, 0);
    const toShelf = [...allocation.toShelf.values()].reduce((sum, n) => sum + n, 0);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.delivery_received',
      after: {
        deliveryId,
        supplier: supplier.name,
        noteNumber: input.noteNumber,
        ...(purchaseOrder && { purchaseOrderId: purchaseOrder.id }),
        lines: lines.length,
        copies,
        toShelf,
        orders: allocation.orders.map((order) => order.reference),
      },
      ip: actor.ip,
    });
    return { ok: true as const, deliveryId, copies, toShelf, orders: allocation.orders };
  }, STOCK_DESK_LIMITS);
}

async function alreadyReceived(tx: Tx, supplier: { id: number; name: string }, noteNumber: string) {
  const existing = await tx.delivery.findUnique({
    where: { supplierId_noteNumber: { supplierId: supplier.id, noteNumber } },
    select: { receivedAt: true, receivedBy: { select: { name: true } } },
  });
  return failure(
    'ALREADY_RECEIVED',
    existing
      ? `Le bon de livraison n° ${noteNumber} de ${supplier.name} a déjà été réceptionné le ${formatDateTime(existing.receivedAt)} par ${existing.receivedBy.name} : rien n’a été enregistré une seconde fois.`
      : `Le bon de livraison n° ${noteNumber} de ${supplier.name} a déjà été réceptionné : rien n’a été enregistré une seconde fois.`,
    { fieldErrors: { noteNumber: 'Ce bon de livraison est déjà réceptionné.' } },
  );
}

/** The purchase order the parcel answers, locked; the version the form showed must still be current. */
async function lockPurchaseOrderForReceipt(tx: Tx, reference: { id: number; version: number }, supplierId: number) {
  const rows = await tx.$queryRaw<{ id: number; supplierId: number; status: string; version: number }[]>`
    SELECT "id", "supplierId", "status"::text AS "status", "version" FROM "PurchaseOrder" WHERE "id" = ${reference.id} FOR UPDATE`;
  const order = rows[0];
  if (!order || order.supplierId !== supplierId)
    throw new Rejection(
      failure('UNKNOWN_PURCHASE_ORDER', 'Cette commande fournisseur n’est pas celle de ce distributeur.'),
    );
  if (order.version !== reference.version)
    throw new Rejection(
      failure(
        'PURCHASE_ORDER_CHANGED',
        'La commande fournisseur a changé depuis l’ouverture de cette page (une autre réception ?) : rechargez la page, rien n’a été enregistré.',
      ),
    );
  if (order.status === 'draft')
    throw new Rejection(
      failure(
        'NOT_SENT',
        'Cette commande fournisseur n’a pas été envoyée : marquez-la envoyée avant de la réceptionner.',
      ),
    );
  if (order.status === 'cancelled')
    throw new Rejection(failure('CANCELLED', 'Cette commande fournisseur est annulée.'));
  return order;
}

async function recordReceiptOnPurchaseOrder(tx: Tx, purchaseOrderId: number, received: ReadonlyMap<number, number>) {
  const bookIds = [...received.keys()];
  await tx.$executeRaw`
    UPDATE "PurchaseOrderLine" l SET "receivedQuantity" = l."receivedQuantity" + r.quantity
    FROM unnest(${bookIds}::int[], ${bookIds.map((id) => received.get(id) ?? 0)}::int[]) AS r(book_id, quantity)
    WHERE l."purchaseOrderId" = ${purchaseOrderId} AND l."bookId" = r.book_id`;
  const [missing] = await tx.$queryRaw<{ missing: number }[]>`
    SELECT COALESCE(SUM(GREATEST("quantity" - "receivedQuantity", 0)), 0)::int AS "missing"
    FROM "PurchaseOrderLine" WHERE "purchaseOrderId" = ${purchaseOrderId}`;
  await tx.purchaseOrder.update({
    where: { id: purchaseOrderId },
    data: { version: { increment: 1 }, ...(missing?.missing === 0 && { status: 'received' }) },
  });
}

// Reads for the receiving screens.

export type DeskBook = {
  id: number;
  ean: string;
  title: string;
  authors: string;
  publisherPriceCents: number;
  supplierId: number | null;
  supplierName: string | null;
  onHand: number;
  awaitedByCustomers: number;
};

/** A scanned EAN on a stock screen: the book, with what the desk needs to know of it; null when unknown. */
export async function findDeskBook(ean: string): Promise<DeskBook | null> {
  const book = await getDb().book.findUnique({
    where: { ean },
    select: {
      id: true,
      ean: true,
      title: true,
      publisherPriceCents: true,
      supplierId: true,
      supplier: { select: { name: true } },
      stock: { select: { onHand: true } },
      contributors: { orderBy: { position: 'asc' }, take: 3, select: { contributor: { select: { name: true } } } },
    },
  });
  if (!book) return null;
  const [awaited] = await getDb().$queryRaw<{ copies: number }[]>`
    SELECT COALESCE(SUM(l."backorderQuantity" - l."receivedQuantity" - l."cancelledBackorderQuantity"), 0)::int AS "copies"
    FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
    WHERE l."bookId" = ${book.id} AND o."status" = 'paid'`;
  return {
    id: book.id,
    ean: book.ean,
    title: book.title,
    authors: book.contributors.map((link) => link.contributor.name).join(', '),
    publisherPriceCents: book.publisherPriceCents,
    supplierId: book.supplierId,
    supplierName: book.supplier?.name ?? null,
    onHand: book.stock?.onHand ?? 0,
    awaitedByCustomers: Math.max(awaited?.copies ?? 0, 0),
  };
}

export type SupplierOption = {
  id: number;
  name: string;
  gln: string | null;
  defaultDiscountBasisPoints: number | null;
};

export async function listSupplierOptions(): Promise<SupplierOption[]> {
  return getDb().supplier.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, gln: true, defaultDiscountBasisPoints: true },
  });
}

export const DELIVERIES_PAGE_SIZE = 25;

export async function listDeliveries(page: number) {
  const [total, rows] = await Promise.all([
    getDb().delivery.count(),
    getDb().delivery.findMany({
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * DELIVERIES_PAGE_SIZE,
      take: DELIVERIES_PAGE_SIZE,
      select: {
        id: true,
        noteNumber: true,
        receivedAt: true,
        purchaseOrderId: true,
        supplier: { select: { name: true } },
        receivedBy: { select: { name: true } },
        lines: { select: { quantity: true } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      noteNumber: row.noteNumber,
      receivedAt: row.receivedAt,
      purchaseOrderId: row.purchaseOrderId,
      supplierName: row.supplier.name,
      receivedBy: row.receivedBy.name,
      copies: row.lines.reduce((sum, line) => sum + line.quantity, 0),
    })),
  };
}

/** One delivery: its lines, and the customers' orders its copies went to. */
export async function getDelivery(id: number) {
  const delivery = await getDb().delivery.findUnique({
    where: { id },
    select: {
      id: true,
      noteNumber: true,
      receivedAt: true,
      purchaseOrderId: true,
      supplier: { select: { name: true, gln: true } },
      receivedBy: { select: { name: true } },
      lines: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          quantity: true,
          terms: true,
          publisherPriceCents: true,
          discountBasisPoints: true,
          unitCostExclVatCents: true,
          returnedQuantity: true,
          book: { select: { ean: true, title: true } },
        },
      },
      stockMovements: {
        where: { reason: 'ORDER_ALLOCATION' },
        orderBy: { id: 'asc' },
        select: {
          quantity: true,
          book: { select: { title: true } },
          order: { select: { reference: true, fullName: true, origin: true, status: true } },
        },
      },
    },
  });
  if (!delivery) return null;
  return {
    ...delivery,
    costExclVatCents: delivery.lines.reduce((sum, line) => sum + line.quantity * line.unitCostExclVatCents, 0),
    allocations: delivery.stockMovements.map((movement) => ({
      title: movement.book.title,
      quantity: -movement.quantity,
      order: movement.order,
    })),
  };
}
