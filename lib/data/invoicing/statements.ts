import 'server-only';
import { getDb } from '@/lib/db';
import type { OrderStatus } from '@/lib/generated/prisma/enums';
import { invoiceBody } from '@/lib/invoicing/invoice-document';
import { paymentTermsSnapshot } from '@/lib/invoicing/payment-terms';
import { discountsByEan } from '@/lib/invoicing/priced-lines';
import { isDueForStatement, purchaseOrderList, statementGroups, statementLineTitle } from '@/lib/invoicing/statement';
import { failure, type Result } from '@/lib/core/result';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import {
  JOB_LIMITS,
  Rejection,
  STAFF_LIMITS,
  transact,
  transactOrThrow,
  type Tx,
} from '@/lib/data/platform/transactions';
import { ORGANISATION_SELECT, organisationBuyer, writeInvoice } from './invoices';

// Monthly statements (lib/invoicing/statement.ts, CGI art. 289, I-3): an organisation that asked
// for them (CustomerOrganisation.monthlyStatement) gets no invoice at each dispatch
// (lib/data/order-desk/workflow.ts) but one on the last day of the month for its orders on account
// dispatched and not invoiced yet, one per month of dispatch, on the shop's one invoice sequence.
// Issued by the worker's daily run on that day (and any month a run missed), or by staff at once
// from the organisation's page. The organisation's row is locked, then its orders: two runs at
// once issue each order's statement once.

/** Left the shop: shipped (then delivered) or collected. */
const DISPATCHED: OrderStatus[] = ['shipped', 'delivered', 'collected'];

async function ordersToStatement(tx: Tx, organisationId: number) {
  const ids = await tx.$queryRaw<{ id: number }[]>`
    SELECT o."id" FROM "Order" o
    WHERE o."organisationId" = ${organisationId}
      AND o."status"::text = ANY(${DISPATCHED as string[]})
      AND NOT EXISTS (SELECT 1 FROM "InvoiceOrder" io WHERE io."orderId" = o."id")
    ORDER BY o."id"
    FOR UPDATE OF o`;
  const orders = await tx.order.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      reference: true,
      dispatchedAt: true,
      updatedAt: true,
      purchaseOrderNumber: true,
      engagementNumber: true,
      deliveryMethod: true,
      shippingCents: true,
      pricing: true,
      lines: {
        orderBy: { id: 'asc' },
        select: {
          title: true,
          ean: true,
          quantity: true,
          unitPriceCents: true,
          lineTotalCents: true,
          vatRateBasisPoints: true,
        },
      },
    },
  });
  return orders.map(({ dispatchedAt, updatedAt, ...order }) => ({ ...order, dispatchedAt: dispatchedAt ?? updatedAt }));
}

type StatementOrders = Awaited<ReturnType<typeof ordersToStatement>>;

/**
 * The organisation's statements for its dispatched orders not invoiced yet (those `due` says),
 * one per month of dispatch and engagement number; their numbers. Its row is locked first
 * (FOR NO KEY UPDATE: its buyers placing orders, which only reference it, are not held up).
 */
export async function issueStatements(
  tx: Tx,
  organisationId: number,
  now: Date,
  due: (dispatchedAt: Date) => boolean = () => true,
): Promise<string[]> {
  const organisation = await tx.customerOrganisation.findUnique({
    where: { id: organisationId },
    select: { ...ORGANISATION_SELECT, paymentTermDays: true },
  });
  if (!organisation) return [];
  await tx.$queryRaw`SELECT 1 FROM "CustomerOrganisation" WHERE "id" = ${organisationId} FOR NO KEY UPDATE`;
  const orders = (await ordersToStatement(tx, organisationId)).filter((order) => due(order.dispatchedAt));
  const settings = await readShopSettings(tx);
  const numbers: string[] = [];
  for (const group of statementGroups(orders)) {
    numbers.push(await writeStatement(tx, { organisation, orders: group, settings, now }));
  }
  return numbers;
}

async function writeStatement(
  tx: Tx,
  input: {
    organisation: Parameters<typeof organisationBuyer>[0] & { paymentTermDays: number };
    orders: StatementOrders;
    settings: Awaited<ReturnType<typeof readShopSettings>>;
    now: Date;
  },
): Promise<string> {
  const { organisation, orders, settings, now } = input;
  const lines = orders.flatMap((order) => {
    const discounts = discountsByEan(order.pricing);
    return order.lines.map((line) => ({
      ...line,
      title: statementLineTitle(order, line.title),
      discount: discounts.get(line.ean),
    }));
  });
  const shippingCents = orders.reduce((sum, order) => sum + order.shippingCents, 0);
  const delivered = orders.some((order) => order.deliveryMethod === 'home_delivery');
  const body = invoiceBody(lines, shippingCents, delivered ? 'Frais de livraison' : 'Retrait en librairie');
  const terms = paymentTermsSnapshot({
    issuedAt: now,
    termsDays: organisation.paymentTermDays,
    publicBuyer: organisation.publicBuyer,
    purchaseOrderNumber: purchaseOrderList(orders),
    engagementNumber: orders[0]?.engagementNumber ?? null,
    iban: settings.iban,
    bic: settings.bic,
  });
  // A business's statement goes to the approved e-invoicing platform like any of its invoices.
  return writeInvoice(tx, {
    now,
    settings,
    buyer: organisationBuyer(organisation),
    body,
    shippingCents,
    terms,
    orderIds: orders.map((order) => order.id),
  });
}

/** Staff issue an organisation's statement now (/admin/clients/[id]), audited. */
export async function issueStatementsNow(actor: Actor, organisationId: number): Promise<Result<{ numbers: string[] }>> {
  return transact(async (tx) => {
    const numbers = await issueStatements(tx, organisationId, new Date());
    if (numbers.length === 0)
      throw new Rejection(failure('NOTHING_TO_INVOICE', 'Aucune commande expédiée en attente de facture.'));
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'customer.statement_issued',
      after: { organisationId, numbers },
      ip: actor.ip,
    });
    return { ok: true as const, numbers };
  }, STAFF_LIMITS);
}

/**
 * The worker's daily run: for every organisation with dispatched orders left without an invoice
 * (on statements, or no longer), the statements of past months, and of this month on its last
 * day (isDueForStatement); one transaction each.
 */
export async function issueMonthEndStatements(now: Date): Promise<number> {
  const organisations = await getDb().customerOrganisation.findMany({
    where: { orders: { some: { status: { in: DISPATCHED }, invoices: { none: {} } } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  let issued = 0;
  for (const { id } of organisations) {
    const due = (dispatchedAt: Date) => isDueForStatement(dispatchedAt, now);
    issued += (await transactOrThrow((tx) => issueStatements(tx, id, now, due), JOB_LIMITS)).length;
  }
  return issued;
}

/** Dispatched orders on account waiting for their statement, for the organisation's page. */
export async function countOrdersAwaitingStatement(organisationId: number): Promise<number> {
  return getDb().order.count({
    where: { organisationId, status: { in: DISPATCHED }, invoices: { none: {} } },
  });
}
