import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PurchaseOrderStatus } from '@/lib/generated/prisma/enums';
import { availableCopies } from '@/lib/orders/allocation';
import { proposeLine, type ProposedLine } from '@/lib/stock/purchase-proposal';
import { purchaseOrderIdFromNumber } from '@/lib/stock/purchase-order-number';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';

// Distributor orders (/admin/commandes-fournisseurs): what each distributor should be sent —
// customers' special orders waiting for copies and books below their réassort threshold, less
// what is already on order (lib/stock/purchase-proposal.ts) — then purchase orders that staff
// adjust, mark sent and receive against (lib/data/stock-desk/receiving.ts). A book is ordered from its
// best supply (Book.supplierId, docs/decisions/010).

export const PURCHASE_ORDER_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: 'en préparation',
  sent: 'envoyée',
  received: 'reçue',
  cancelled: 'annulée',
};

/** Copies on purchase orders being prepared or sent, not received yet. */
const ON_ORDER_SQL = Prisma.sql`
  SELECT pl."bookId", SUM(GREATEST(pl."quantity" - pl."receivedQuantity", 0))::int AS "onOrder"
  FROM "PurchaseOrderLine" pl JOIN "PurchaseOrder" po ON po."id" = pl."purchaseOrderId"
  WHERE po."status" IN ('draft', 'sent')
  GROUP BY pl."bookId"`;

type DemandRow = {
  bookId: number;
  supplierId: number;
  awaited: number;
  onHand: number;
  held: number;
  reorderThreshold: number;
  onOrder: number;
  waitingReaders: number;
};

/**
 * Every book some customer waits for, that fell below its threshold, or that readers wait for
 * (their confirmed availability alerts: a buying signal, proposed at 0 copies for staff to decide),
 * with its distributor.
 */
async function readDemand(db: Tx | ReturnType<typeof getDb>, supplierId?: number): Promise<DemandRow[]> {
  const supplierFilter = supplierId === undefined ? Prisma.empty : Prisma.sql`AND b."supplierId" = ${supplierId}`;
  return db.$queryRaw<DemandRow[]>`
    WITH awaited AS (
      SELECT l."bookId", SUM(l."backorderQuantity" - l."receivedQuantity" - l."cancelledBackorderQuantity")::int AS "awaited"
      FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE o."status" = 'paid' AND l."backorderQuantity" > l."receivedQuantity" + l."cancelledBackorderQuantity"
      GROUP BY l."bookId"
    ), followed AS (
      SELECT s."bookId" FROM "StockLevel" s WHERE s."reorderThreshold" > 0
    ), waiting AS (
      SELECT "bookId", count(*)::int AS "waitingReaders" FROM "AvailabilityAlert" WHERE "status" = 'confirmed'
      GROUP BY "bookId"
    ), candidates AS (
      SELECT "bookId" FROM awaited UNION SELECT "bookId" FROM followed UNION SELECT "bookId" FROM waiting
    ), on_order AS (${ON_ORDER_SQL})
    SELECT c."bookId", b."supplierId", COALESCE(a."awaited", 0) AS "awaited",
           COALESCE(s."onHand", 0) AS "onHand", COALESCE(s."held", 0) AS "held",
           COALESCE(s."reorderThreshold", 0) AS "reorderThreshold", COALESCE(oo."onOrder", 0) AS "onOrder",
           COALESCE(w."waitingReaders", 0) AS "waitingReaders"
    FROM candidates c
    JOIN "Book" b ON b."id" = c."bookId"
    LEFT JOIN awaited a ON a."bookId" = c."bookId"
    LEFT JOIN waiting w ON w."bookId" = c."bookId"
    LEFT JOIN "StockLevel" s ON s."bookId" = c."bookId"
    LEFT JOIN on_order oo ON oo."bookId" = c."bookId"
    WHERE b."supplierId" IS NOT NULL ${supplierFilter}`;
}

function propose(row: DemandRow): (ProposedLine & { supplierId: number }) | null {
  const line = proposeLine({
    bookId: row.bookId,
    awaitedByCustomers: row.awaited,
    available: availableCopies(row),
    reorderThreshold: row.reorderThreshold,
    onOrder: row.onOrder,
  });
  return line && { ...line, supplierId: row.supplierId };
}

export type ProposalLine = ProposedLine & {
  ean: string;
  title: string;
  available: number;
  reorderThreshold: number;
  awaitedByCustomers: number;
  onOrder: number;
  /** Readers waiting for the book (availability alerts): a line may be proposed at 0 for them alone. */
  waitingReaders: number;
};

export type SupplierProposal = {
  supplier: { id: number; name: string; gln: string | null };
  lines: ProposalLine[];
};

/** The purchase lists to send, one per distributor (named by its GLN for EDI), books by title. */
export async function listPurchaseProposals(): Promise<SupplierProposal[]> {
  const demand = await readDemand(getDb());
  // A book only readers wait for: shown at 0 copies, staff decide whether to order it.
  const proposed = demand
    .map((row) => ({
      row,
      line:
        propose(row) ??
        (row.waitingReaders > 0
          ? { bookId: row.bookId, quantity: 0, forCustomerOrders: 0, supplierId: row.supplierId }
          : null),
    }))
    .filter((p) => p.line !== null);
  if (proposed.length === 0) return [];
  const books = await getDb().book.findMany({
    where: { id: { in: proposed.map((p) => p.row.bookId) } },
    select: { id: true, ean: true, title: true, sortTitle: true },
  });
  const suppliers = await getDb().supplier.findMany({
    where: { id: { in: [...new Set(proposed.map((p) => p.row.supplierId))] } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, gln: true },
  });
  const bookById = new Map(books.map((book) => [book.id, book]));
  return suppliers.map((supplier) => ({
    supplier,
    lines: proposed
      .filter((p) => p.row.supplierId === supplier.id)
      .map(({ row, line }) => {
        const book = bookById.get(row.bookId)!;
        return {
          ...line!,
          ean: book.ean,
          title: book.title,
          sortTitle: book.sortTitle,
          available: availableCopies(row),
          reorderThreshold: row.reorderThreshold,
          awaitedByCustomers: row.awaited,
          onOrder: row.onOrder,
          waitingReaders: row.waitingReaders,
        };
      })
      .sort((a, b) => a.sortTitle.localeCompare(b.sortTitle))
      .map(({ sortTitle: _sortTitle, ...line }) => line),
  }));
}

const lockOrder = async (tx: Tx, id: number, version: number | null) => {
  const rows = await tx.$queryRaw<{ id: number; status: PurchaseOrderStatus; version: number; supplierId: number }[]>`
    SELECT "id", "status", "version", "supplierId" FROM "PurchaseOrder" WHERE "id" = ${id} FOR UPDATE`;
  const order = rows[0];
  if (!order) throw new Rejection(failure('UNKNOWN_PURCHASE_ORDER', 'Commande fournisseur introuvable.'));
  if (version !== null && order.version !== version)
    throw new Rejection(failure('PURCHASE_ORDER_CHANGED', 'La commande fournisseur a changé : rechargez la page.'));
  return order;
};

/**
 * A purchase order in preparation from the staff's quantities (the proposal as shown, adjusted):
 * one per distributor and submission. The proposal is computed again inside the transaction, so
 * "forCustomerOrders" reflects the customers waiting now. Books proposed and set to 0 are left out.
 * Two members of staff creating the list for the same distributor at once: an advisory lock per
 * distributor makes the second one wait, then see the copies now on order.
 */
export async function createPurchaseOrder(
  actor: Actor,
  input: { supplierId: number; lines: { bookId: number; quantity: number }[] },
): Promise<Result<{ purchaseOrderId: number }>> {
  return transact(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`purchase-order:${input.supplierId}`}, 0))`;
    const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId }, select: { name: true } });
    if (!supplier) throw new Rejection(failure('UNKNOWN_SUPPLIER', 'Distributeur inconnu.'));
    const wanted = input.lines.filter((line) => line.quantity > 0);
    if (wanted.length === 0)
      throw new Rejection(failure('EMPTY_PURCHASE_ORDER', 'Indiquez au moins un exemplaire à commander.'));
    const books = await tx.book.findMany({
      where: { id: { in: wanted.map((line) => line.bookId) } },
      select: { id: true, supplierId: true },
    });
    if (
      books.length !== new Set(wanted.map((line) => line.bookId)).size ||
      books.some((b) => b.supplierId !== input.supplierId)
    )
      throw new Rejection(
        failure('WRONG_SUPPLIER', `Un de ces livres ne se commande pas chez ${supplier.name} : rechargez la page.`),
      );
    const demand = new Map((await readDemand(tx, input.supplierId)).map((row) => [row.bookId, propose(row)]));
    const created = await tx.purchaseOrder.create({
      data: {
        supplierId: input.supplierId,
        createdById: actor.id,
        lines: {
          create: wanted.map((line) => ({
            bookId: line.bookId,
            quantity: line.quantity,
            forCustomerOrders: Math.min(line.quantity, demand.get(line.bookId)?.forCustomerOrders ?? 0),
          })),
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.purchase_order_created',
      after: {
        purchaseOrderId: created.id,
        supplier: supplier.name,
        copies: wanted.reduce((sum, line) => sum + line.quantity, 0),
        lines: wanted.length,
      },
      ip: actor.ip,
    });
    return { ok: true as const, purchaseOrderId: created.id };
  }, STOCK_DESK_LIMITS);
}

/** New quantities for a list still in preparation; 0 removes the line. */
export async function updatePurchaseOrderQuantities(
  actor: Actor,
  input: { purchaseOrderId: number; version: number; lines: { lineId: number; quantity: number }[] },
): Promise<Result<{ version: number }>> {
  return transact(async (tx) => {
    const order = await lockOrder(tx, input.purchaseOrderId, input.version);
    if (order.status !== 'draft')
      throw new Rejection(failure('ALREADY_SENT', 'Cette commande est déjà envoyée : ses quantités ne changent plus.'));
    const lines = await tx.purchaseOrderLine.findMany({
      where: { purchaseOrderId: order.id },
      select: { id: true, quantity: true, forCustomerOrders: true },
    });
    const changes = input.lines.filter((change) => lines.some((line) => line.id === change.lineId));
    if (changes.length !== input.lines.length)
      throw new Rejection(failure('UNKNOWN_LINE', 'Une ligne de cette commande n’existe plus : rechargez la page.'));
    if (lines.every((line) => changes.find((c) => c.lineId === line.id)?.quantity === 0))
      throw new Rejection(
        failure('EMPTY_PURCHASE_ORDER', 'Une commande garde au moins un exemplaire : annulez-la plutôt.'),
      );
    for (const change of changes) {
      const line = lines.find((l) => l.id === change.lineId)!;
      if (change.quantity === line.quantity) continue;
      if (change.quantity === 0) await tx.purchaseOrderLine.delete({ where: { id: line.id } });
      else
        await tx.purchaseOrderLine.update({
          where: { id: line.id },
          data: { quantity: change.quantity, forCustomerOrders: Math.min(line.forCustomerOrders, change.quantity) },
        });
    }
    const updated = await tx.purchaseOrder.update({
      where: { id: order.id },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.purchase_order_changed',
      before: { purchaseOrderId: order.id, lines: lines.map((l) => ({ id: l.id, quantity: l.quantity })) },
      after: { purchaseOrderId: order.id, lines: changes.map((c) => ({ id: c.lineId, quantity: c.quantity })) },
      ip: actor.ip,
    });
    return { ok: true as const, version: updated.version };
  }, STOCK_DESK_LIMITS);
}

export async function markPurchaseOrderSent(
  actor: Actor,
  input: { purchaseOrderId: number; version: number; sentOn: Date },
): Promise<Result<{ version: number }>> {
  return transact(async (tx) => {
    const order = await lockOrder(tx, input.purchaseOrderId, input.version);
    if (order.status !== 'draft')
      throw new Rejection(failure('ALREADY_SENT', 'Cette commande fournisseur est déjà envoyée.'));
    const updated = await tx.purchaseOrder.update({
      where: { id: order.id },
      data: { status: 'sent', sentOn: input.sentOn, version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.purchase_order_sent',
      before: { purchaseOrderId: order.id, status: 'draft' },
      after: { purchaseOrderId: order.id, status: 'sent', sentOn: input.sentOn.toISOString().slice(0, 10) },
      ip: actor.ip,
    });
    return { ok: true as const, version: updated.version };
  }, STOCK_DESK_LIMITS);
}

/** Cancels a list in preparation, or what is still missing from a sent one (the distributor will not send it). */
export async function cancelPurchaseOrder(
  actor: Actor,
  input: { purchaseOrderId: number; version: number },
): Promise<Result<{ version: number }>> {
  return transact(async (tx) => {
    const order = await lockOrder(tx, input.purchaseOrderId, input.version);
    if (order.status === 'received' || order.status === 'cancelled')
      throw new Rejection(failure('CLOSED', 'Cette commande fournisseur est déjà close.'));
    const updated = await tx.purchaseOrder.update({
      where: { id: order.id },
      data: { status: 'cancelled', version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.purchase_order_cancelled',
      before: { purchaseOrderId: order.id, status: order.status },
      after: { purchaseOrderId: order.id, status: 'cancelled' },
      ip: actor.ip,
    });
    return { ok: true as const, version: updated.version };
  }, STOCK_DESK_LIMITS);
}

export async function listPurchaseOrders(statuses: PurchaseOrderStatus[], take = 50) {
  const rows = await getDb().purchaseOrder.findMany({
    where: { status: { in: statuses } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      status: true,
      sentOn: true,
      createdAt: true,
      supplier: { select: { name: true, gln: true } },
      lines: { select: { quantity: true, receivedQuantity: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    sentOn: row.sentOn,
    createdAt: row.createdAt,
    supplier: row.supplier,
    copies: row.lines.reduce((sum, line) => sum + line.quantity, 0),
    missing: row.lines.reduce((sum, line) => sum + Math.max(line.quantity - line.receivedQuantity, 0), 0),
  }));
}

export async function getPurchaseOrder(id: number) {
  const order = await getDb().purchaseOrder.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      sentOn: true,
      version: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      supplier: { select: { id: true, name: true, gln: true, defaultDiscountBasisPoints: true } },
      lines: {
        orderBy: { book: { sortTitle: 'asc' } },
        select: {
          id: true,
          quantity: true,
          forCustomerOrders: true,
          receivedQuantity: true,
          book: { select: { id: true, ean: true, title: true, publisherPriceCents: true } },
        },
      },
      deliveries: {
        orderBy: { receivedAt: 'asc' },
        select: { id: true, noteNumber: true, receivedAt: true },
      },
    },
  });
  if (!order) return null;
  return {
    ...order,
    lines: order.lines.map((line) => ({ ...line, missing: Math.max(line.quantity - line.receivedQuantity, 0) })),
    copies: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    missing: order.lines.reduce((sum, line) => sum + Math.max(line.quantity - line.receivedQuantity, 0), 0),
  };
}

export type PurchaseOrderView = NonNullable<Awaited<ReturnType<typeof getPurchaseOrder>>>;

/** What the receiving screen pre-fills from a sent purchase order: the copies still missing. */
export type ReceivingPrefill = {
  id: number;
  version: number;
  supplierId: number;
  lines: { ean: string; title: string; missing: number }[];
};

export function receivingPrefill(order: PurchaseOrderView): ReceivingPrefill | null {
  if (order.status !== 'sent') return null;
  return {
    id: order.id,
    version: order.version,
    supplierId: order.supplier.id,
    lines: order.lines
      .filter((line) => line.missing > 0)
      .map((line) => ({ ean: line.book.ean, title: line.book.title, missing: line.missing })),
  };
}

/**
 * The sent purchase order a distributor's despatch advice answers (its RFF+ON, the number the
 * shop gave: lib/stock/purchase-order-number.ts), when it is this distributor's; else null.
 */
export async function findSentPurchaseOrderByNumber(
  orderNumber: string,
  supplierId: number | null,
): Promise<ReceivingPrefill | null> {
  const id = purchaseOrderIdFromNumber(orderNumber);
  const order = id === null ? null : await getPurchaseOrder(id);
  if (!order || (supplierId !== null && order.supplier.id !== supplierId)) return null;
  return receivingPrefill(order);
}
