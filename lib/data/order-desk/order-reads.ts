import 'server-only';
import { estimateDeliveryWindow } from '@/lib/availability';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DeliveryMethod } from '@/lib/generated/prisma/enums';
import { UNPAID_STATUSES } from '@/lib/orders/status';
import { onAccountState, type OnAccountState } from '@/lib/orders/on-account';
import { isValidEan13 } from '@/lib/isbn';
import { buildTimeline } from '@/lib/orders/timeline';
import { availableTransitions, awaitedCopies, orderStage, type OrderStage } from '@/lib/orders/workflow';
import { UNCOLLECTED_AFTER_DAYS } from '@/lib/orders/pickup';
import {
  DELIVERY_URL_VALUES,
  ORIGIN_URL_VALUES,
  STAGE_URL_VALUES,
  type AdminOrdersQuery,
  type PaymentState,
} from '@/lib/validation/order-desk-query';
import { listOrderAuditEntries } from '@/lib/data/staff/audit';
import { getShopSettings } from '@/lib/data/staff/shop-settings';

// What the order desk reads: the orders list (filters, search, counts per stage) and one order
// with everything that happened to it. Staff-only data: only admin pages call these, after
// requireStaff.

// "En attente du distributeur" is a paid order with backordered copies neither received nor
// cancelled (lib/orders/workflow.ts, orderStage): the same rule in SQL.
const STAGE_SQL = Prisma.sql`
  CASE WHEN o."status" = 'paid' THEN
    CASE WHEN EXISTS (
      SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o."id"
        AND l."backorderQuantity" > l."receivedQuantity" + l."cancelledBackorderQuantity"
    ) THEN 'awaiting_supplier' ELSE 'to_prepare' END
  ELSE o."status"::text END`;

const REFUNDED_SQL = Prisma.sql`
  COALESCE((SELECT SUM(r."amountCents") FROM "Refund" r WHERE r."orderId" = o."id" AND r."appliedAt" IS NOT NULL), 0)`;

export const ADMIN_ORDERS_PAGE_SIZE = 25;

/**
 * "Rétractation à traiter": copies the customer withdrew that are not refunded yet. The refund is
 * due within 14 days of the declaration (Code de la consommation, art. L221-24). Counted per line
 * against the copies refunded since its first declaration (or as a withdrawal): a refund made
 * for another reason before it does not settle it.
 */
const WITHDRAWAL_TO_REFUND_SQL = Prisma.sql`EXISTS (
  SELECT 1 FROM "WithdrawalLine" wl
  JOIN "Withdrawal" w ON w."id" = wl."withdrawalId"
  WHERE w."orderId" = o."id"
  GROUP BY wl."orderLineId"
  HAVING SUM(wl."quantity") > COALESCE((
    SELECT SUM(rl."quantity") FROM "RefundLine" rl JOIN "Refund" r ON r."id" = rl."refundId"
    WHERE rl."orderLineId" = wl."orderLineId" AND r."appliedAt" IS NOT NULL
      AND (r."reason" = 'withdrawal' OR r."createdAt" >= MIN(w."declaredAt"))), 0))`;

/** Ready for pickup for more than UNCOLLECTED_AFTER_DAYS days. */
const UNCOLLECTED_SQL = Prisma.sql`(o."status" = 'ready_for_pickup'
  AND COALESCE(o."readyForPickupAt", o."updatedAt") < now() - make_interval(days => ${UNCOLLECTED_AFTER_DAYS}))`;

export type AdminOrderRow = {
  reference: string;
  createdAt: Date;
  fullName: string;
  email: string;
  deliveryMethod: DeliveryMethod;
  stage: OrderStage;
  totalCents: number;
  refundedCents: number;
  copies: number;
  attention: boolean;
  withdrawalToRefund: boolean;
  origin: 'online' | 'counter';
  /** An order on account: to invoice, or invoiced (lib/orders/on-account.ts). */
  onAccount: OnAccountState | null;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(query: AdminOrdersQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.etape) conditions.push(Prisma.sql`(${STAGE_SQL}) = ${STAGE_URL_VALUES[query.etape]}`);
  if (query.livraison)
    conditions.push(Prisma.sql`o."deliveryMethod" = ${DELIVERY_URL_VALUES[query.livraison]}::"DeliveryMethod"`);
  if (query.attention) conditions.push(Prisma.sql`o."attentionReason" IS NOT NULL`);
  if (query.origine) conditions.push(Prisma.sql`o."origin" = ${ORIGIN_URL_VALUES[query.origine]}::"OrderOrigin"`);
  if (query['non-retirees']) conditions.push(UNCOLLECTED_SQL);
  if (query.retractation) conditions.push(WITHDRAWAL_TO_REFUND_SQL);
  const paymentState: Record<PaymentState, Prisma.Sql> = {
    'non-payee': Prisma.sql`o."paidAt" IS NULL`,
    payee: Prisma.sql`o."paidAt" IS NOT NULL AND ${REFUNDED_SQL} = 0`,
    'remboursement-partiel': Prisma.sql`${REFUNDED_SQL} > 0 AND ${REFUNDED_SQL} < o."totalCents"`,
    remboursee: Prisma.sql`${REFUNDED_SQL} > 0 AND ${REFUNDED_SQL} >= o."totalCents"`,
  };
  if (query.paiement) conditions.push(paymentState[query.paiement]);
  // Days are the shop's days (Europe/Paris); createdAt is stored in UTC.
  const parisDay = Prisma.sql`((o."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date`;
  if (query.du) conditions.push(Prisma.sql`${parisDay} >= ${query.du}::date`);
  if (query.au) conditions.push(Prisma.sql`${parisDay} <= ${query.au}::date`);
  if (query.q) {
    const like = likePattern(query.q);
    const search = [
      Prisma.sql`o."reference" ILIKE ${like}`,
      Prisma.sql`o."email" ILIKE ${like}`,
      Prisma.sql`o."fullName" ILIKE ${like}`,
    ];
    // A barcode scanner types the EAN of a book: the orders that contain it.
    const digits = query.q.replace(/[\s-]/g, '');
    if (isValidEan13(digits))
      search.push(Prisma.sql`EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o."id" AND l."ean" = ${digits})`);
    conditions.push(Prisma.sql`(${Prisma.join(search, ' OR ')})`);
  }
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

export async function listAdminOrders(query: AdminOrdersQuery): Promise<{ total: number; rows: AdminOrderRow[] }> {
  const where = whereOf(query);
  const order = query.tri === 'anciennes' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const [counted, rows] = await Promise.all([
    getDb().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Order" o ${where}`,
    getDb().$queryRaw<(Omit<AdminOrderRow, 'attention'> & { attentionReason: string | null })[]>`
      SELECT o."reference", o."createdAt", o."fullName", o."email", o."deliveryMethod", o."totalCents", o."origin",
             (${STAGE_SQL}) AS "stage", (${REFUNDED_SQL})::int AS "refundedCents", o."attentionReason",
             ${WITHDRAWAL_TO_REFUND_SQL} AS "withdrawalToRefund",
             CASE WHEN o."organisationId" IS NULL THEN NULL
                  WHEN o."paidAt" IS NOT NULL THEN 'paid'
                  WHEN EXISTS (SELECT 1 FROM "InvoiceOrder" io WHERE io."orderId" = o."id") THEN 'invoiced'
                  ELSE 'to_invoice' END AS "onAccount",
             (SELECT COALESCE(SUM(l."quantity"), 0)::int FROM "OrderLine" l WHERE l."orderId" = o."id") AS "copies"
      FROM "Order" o ${where}
      ORDER BY o."createdAt" ${order}, o."id" ${order}
      LIMIT ${ADMIN_ORDERS_PAGE_SIZE} OFFSET ${(query.page - 1) * ADMIN_ORDERS_PAGE_SIZE}`,
  ]);
  return {
    total: counted[0]?.total ?? 0,
    rows: rows.map(({ attentionReason, ...row }) => ({ ...row, attention: attentionReason !== null })),
  };
}

/** "3 à préparer": orders per stage, those that need a look, and those waiting too long at the counter. */
export async function countOrdersByStage(): Promise<{
  byStage: Partial<Record<OrderStage, number>>;
  attention: number;
  uncollected: number;
  withdrawalsToRefund: number;
}> {
  const [stages, attention, uncollected, withdrawals] = await Promise.all([
    getDb().$queryRaw<{ stage: OrderStage; count: number }[]>`
      SELECT "stage", count(*)::int AS "count" FROM (SELECT (${STAGE_SQL}) AS "stage" FROM "Order" o) s GROUP BY "stage"`,
    getDb().order.count({ where: { attentionReason: { not: null } } }),
    getDb().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Order" o WHERE ${UNCOLLECTED_SQL}`,
    getDb().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "Order" o WHERE ${WITHDRAWAL_TO_REFUND_SQL}`,
  ]);
  return {
    byStage: Object.fromEntries(stages.map((s) => [s.stage, s.count])),
    attention,
    uncollected: uncollected[0]?.count ?? 0,
    withdrawalsToRefund: withdrawals[0]?.count ?? 0,
  };
}

const ORDER_SELECT = {
  id: true,
  reference: true,
  version: true,
  status: true,
  createdAt: true,
  paidAt: true,
  email: true,
  fullName: true,
  phone: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  country: true,
  deliveryMethod: true,
  customerKind: true,
  origin: true,
  payAtPickup: true,
  purchaseOrderNumber: true,
  engagementNumber: true,
  paymentTermsDays: true,
  organisation: { select: { id: true, name: true } },
  invoices: { where: { invoice: { kind: 'invoice' } }, select: { invoiceId: true } },
  quote: { select: { id: true, number: true, totalCents: true, repricedDifferenceCents: true } },
  readyForPickupAt: true,
  goodsCents: true,
  shippingCents: true,
  totalCents: true,
  deliveryEarliestOn: true,
  deliveryLatestOn: true,
  holdExpiresAt: true,
  stripeSessionId: true,
  stripePaymentIntentId: true,
  attentionReason: true,
  carrier: true,
  trackingNumber: true,
  lines: {
    orderBy: { id: 'asc' },
    select: {
      id: true,
      ean: true,
      title: true,
      quantity: true,
      unitPriceCents: true,
      lineTotalCents: true,
      fromStockQuantity: true,
      backorderQuantity: true,
      receivedQuantity: true,
      cancelledBackorderQuantity: true,
      refundedQuantity: true,
      shipWithinMinDays: true,
      shipWithinMaxDays: true,
      supplierExpectedOn: true,
      book: { select: { supplier: { select: { name: true } } } },
      refundLines: { where: { refund: { status: { not: 'failed' } } }, select: { quantity: true } },
    },
  },
  // Copies held while the reader paid (lib/data/stock/stock-holds.ts).
  holds: {
    orderBy: { id: 'asc' },
    select: { quantity: true, status: true, expiresAt: true, book: { select: { title: true } } },
  },
  paymentEvents: { orderBy: { receivedAt: 'asc' }, select: { id: true, type: true, outcome: true, receivedAt: true } },
  refunds: {
    orderBy: { id: 'asc' },
    select: {
      id: true,
      status: true,
      amountCents: true,
      shippingCents: true,
      extraCents: true,
      reason: true,
      note: true,
      restock: true,
      stripeRefundId: true,
      appliedAt: true,
      failureMessage: true,
      createdAt: true,
      staff: { select: { name: true } },
      lines: {
        select: {
          quantity: true,
          restockedQuantity: true,
          cancelledBackorderQuantity: true,
          orderLine: { select: { title: true } },
        },
      },
    },
  },
} satisfies Prisma.OrderSelect;

/** One order as the order page shows it, or null. */
export async function getAdminOrder(reference: string) {
  const order = await getDb().order.findUnique({ where: { reference }, select: ORDER_SELECT });
  if (!order) return null;
  const [auditEntries, { orderCutoffHour }] = await Promise.all([listOrderAuditEntries(order.id), getShopSettings()]);
  const orderedAt = order.paidAt ?? order.createdAt;
  const lines = order.lines.map(({ refundLines, book, ...line }) => {
    const awaited = awaitedCopies(line);
    // The distributor's copies reach the shop after its lead time, counted in business days, or
    // on the day it announced (lib/data/order-desk/supplier-delays.ts).
    const announced = line.supplierExpectedOn && {
      earliest: line.supplierExpectedOn,
      latest: line.supplierExpectedOn,
    };
    const expected =
      awaited > 0
        ? announced ||
          estimateDeliveryWindow({
            now: orderedAt,
            shipWithin: { minDays: line.shipWithinMinDays, maxDays: line.shipWithinMaxDays },
            transit: { minDays: 0, maxDays: 0 },
            // As the customer's e-mails and tracking page count it (lib/email/order-snapshot.ts).
            cutoffHour: orderCutoffHour,
          })
        : null;
    return {
      ...line,
      supplierName: book.supplier?.name ?? null,
      awaited,
      expectedFrom: expected?.earliest ?? null,
      expectedTo: expected?.latest ?? null,
      refundableQuantity: line.quantity - refundLines.reduce((sum, l) => sum + l.quantity, 0),
    };
  });
  const facts = {
    status: order.status,
    deliveryMethod: order.deliveryMethod,
    awaitedCopies: lines.reduce((sum, line) => sum + line.awaited, 0),
    copiesToHandOver: lines.reduce((sum, line) => sum + line.quantity - line.refundedQuantity, 0),
  };
  const liveRefunds = order.refunds.filter((refund) => refund.status !== 'failed');
  return {
    ...order,
    lines,
    stage: orderStage(order.status, facts.awaitedCopies),
    transitions: availableTransitions(facts),
    refundedCents: order.refunds.filter((r) => r.appliedAt).reduce((sum, r) => sum + r.amountCents, 0),
    refundableCents: Math.max(order.totalCents - liveRefunds.reduce((sum, r) => sum + r.amountCents, 0), 0),
    refundableShippingCents: Math.max(
      order.shippingCents - liveRefunds.reduce((sum, r) => sum + r.shippingCents, 0),
      0,
    ),
    paid: order.paidAt !== null && !UNPAID_STATUSES.includes(order.status),
    onAccount: onAccountState({
      onAccount: order.organisation !== null,
      invoiced: order.invoices.length > 0,
      paid: order.paidAt !== null,
    }),
    timeline: buildTimeline({
      createdAt: order.createdAt,
      paymentEvents: order.paymentEvents,
      auditEntries,
      refunds: order.refunds,
    }),
  };
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;
