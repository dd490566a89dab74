import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/db';
import {
  BuyerSnapshotSchema,
  InvoiceLineSchema,
  invoiceBody,
  invoiceNumber,
  SellerSnapshotSchema,
  sellerSnapshot,
  VatRowSchema,
  type BuyerSnapshot,
} from '@/lib/invoicing/invoice-document';
import {
  PaymentTermsSnapshotSchema,
  paymentTermsSnapshot,
  type PaymentTermsSnapshot,
} from '@/lib/invoicing/payment-terms';
import { discountsByEan } from '@/lib/invoicing/priced-lines';
import { isHandedToPlatform } from '@/lib/invoicing/e-invoice-platform';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { sendJob } from '@/lib/data/platform/job-queue';
import type { Tx } from '@/lib/data/platform/transactions';

// Invoices and credit notes, issued in the transaction that records the payment or the refund
// (lib/data/buying/payments.ts, the order desk's payment at the counter, counter orders paid at
// once; lib/data/order-desk/refunds.ts for the credit notes). The number comes from a counter row
// updated in the same transaction: two payments at once wait for each other on it, and a rolled
// back payment gives its number back, so the sequence has no gap and no repeat (CGI art. 242
// nonies A, 7°). Issued once per order and per refund, whatever calls it twice.

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * An invoice or credit note to a business goes to the approved e-invoicing platform: queued in the
 * transaction that issues it, so the job exists if and only if the invoice does
 * (lib/data/invoicing/e-invoice-platform.ts hands it over).
 */
async function queueHandover(tx: Tx, number: string, buyer: BuyerSnapshot): Promise<void> {
  if (isHandedToPlatform(buyer)) await sendJob(QUEUE_NAMES.eInvoiceHandover, { invoiceNumber: number }, tx);
}

async function nextSequence(tx: Tx, series: 'F' | 'A', year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceCounter" ("series", "year", "last") VALUES (${series}, ${year}, 1)
    ON CONFLICT ("series", "year") DO UPDATE SET "last" = "InvoiceCounter"."last" + 1
    RETURNING "last"`;
  if (!row) throw new Error('invoice counter: no row');
  return row.last;
}

function buyerOf(order: {
  fullName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
}): BuyerSnapshot {
  const cityLine = [order.postalCode, order.city].filter(Boolean).join(' ');
  return {
    name: order.fullName,
    addressLines: [order.addressLine1, order.addressLine2, cityLine].filter((line): line is string => !!line),
  };
}

export const ORGANISATION_SELECT = {
  name: true,
  siret: true,
  vatNumber: true,
  publicBuyer: true,
  chorusServiceCode: true,
  billingLine1: true,
  billingLine2: true,
  billingPostalCode: true,
  billingCity: true,
} satisfies Prisma.CustomerOrganisationSelect;

type InvoicedOrganisation = Prisma.CustomerOrganisationGetPayload<{ select: typeof ORGANISATION_SELECT }>;

/** An order on account is invoiced to its organisation, at its billing address (C. com. L441-9). */
export function organisationBuyer(organisation: InvoicedOrganisation): BuyerSnapshot {
  return {
    name: organisation.name,
    addressLines: [
      organisation.billingLine1,
      organisation.billingLine2,
      `${organisation.billingPostalCode} ${organisation.billingCity}`,
    ].filter((line): line is string => !!line),
    siret: organisation.siret,
    vatNumber: organisation.vatNumber,
    publicBuyer: organisation.publicBuyer,
    chorusServiceCode: organisation.chorusServiceCode,
  };
}

/**
 * The invoice of a paid order, in the payment's transaction; the existing one if it was issued.
 * An order on account (docs/decisions/027-orders-on-account.md) is invoiced at dispatch, to its
 * organisation, payable by transfer: its due date, the shop's IBAN and the late-payment terms.
 */
export async function issueInvoice(tx: Tx, orderId: number, now: Date): Promise<string> {
  const existing = await tx.invoiceOrder.findFirst({
    where: { orderId, invoice: { kind: 'invoice' } },
    select: { invoice: { select: { number: true } } },
  });
  if (existing) return existing.invoice.number;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      fullName: true,
      addressLine1: true,
      addressLine2: true,
      postalCode: true,
      city: true,
      deliveryMethod: true,
      shippingCents: true,
      pricing: true,
      purchaseOrderNumber: true,
      engagementNumber: true,
      paymentTermsDays: true,
      organisation: { select: ORGANISATION_SELECT },
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
  const { organisation } = order;
  const discounts = organisation ? discountsByEan(order.pricing) : new Map();
  const body = invoiceBody(
    order.lines.map((line) => ({ ...line, discount: discounts.get(line.ean) })),
    order.shippingCents,
    order.deliveryMethod === 'home_delivery' ? 'Frais de livraison' : 'Retrait en librairie',
  );
  const settings = await readShopSettings(tx);
  const terms: PaymentTermsSnapshot | null = organisation
    ? paymentTermsSnapshot({
        issuedAt: now,
        termsDays: order.paymentTermsDays ?? 0,
        publicBuyer: organisation.publicBuyer,
        purchaseOrderNumber: order.purchaseOrderNumber,
        engagementNumber: order.engagementNumber,
        iban: settings.iban,
        bic: settings.bic,
      })
    : null;
  return writeInvoice(tx, {
    now,
    settings,
    buyer: organisation ? organisationBuyer(organisation) : buyerOf(order),
    body,
    shippingCents: order.shippingCents,
    terms,
    orderIds: [orderId],
  });
}

/**
 * An invoice written under the next number of the "F" series, tied to its orders; one to a
 * business is queued for the approved e-invoicing platform in the same transaction. Its callers:
 * an order's invoice (above), an organisation's monthly statement (statements.ts).
 */
export async function writeInvoice(
  tx: Tx,
  invoice: {
    now: Date;
    settings: Awaited<ReturnType<typeof readShopSettings>>;
    buyer: BuyerSnapshot;
    body: ReturnType<typeof invoiceBody>;
    shippingCents: number;
    terms: PaymentTermsSnapshot | null;
    orderIds: number[];
  },
): Promise<string> {
  const { now, buyer, body, terms } = invoice;
  const year = now.getUTCFullYear();
  const sequence = await nextSequence(tx, 'F', year);
  const number = invoiceNumber('F', year, sequence);
  await tx.invoice.create({
    data: {
      number,
      kind: 'invoice',
      series: 'F',
      year,
      sequence,
      issuedAt: now,
      seller: json(sellerSnapshot(invoice.settings)),
      buyer: json(buyer),
      lines: json(body.lines),
      vat: json(body.vat),
      shippingCents: invoice.shippingCents,
      totalCents: body.totalCents,
      ...(terms && { dueOn: new Date(`${terms.dueOn}T00:00:00Z`), paymentTerms: json(terms) }),
      orders: { create: invoice.orderIds.map((orderId) => ({ orderId })) },
    },
    select: { id: true },
  });
  await queueHandover(tx, number, buyer);
  return number;
}

/** The credit note of an applied refund, referring to its order's invoice; once per refund. */
export async function issueCreditNote(tx: Tx, refundId: number, now: Date): Promise<string | null> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      orderId: true,
      shippingCents: true,
      extraCents: true,
      creditNote: { select: { number: true } },
      lines: {
        orderBy: { id: 'asc' },
        select: {
          quantity: true,
          amountCents: true,
          orderLine: { select: { title: true, ean: true, vatRateBasisPoints: true } },
        },
      },
    },
  });
  if (refund.creditNote) return refund.creditNote.number;
  const invoiced = await tx.invoiceOrder.findFirst({
    where: { orderId: refund.orderId, invoice: { kind: 'invoice' } },
    select: { invoice: { select: { id: true, buyer: true } } },
  });
  // A refund of a payment the shop never invoiced (an order paid before invoices existed): none.
  if (!invoiced) return null;
  const body = invoiceBody(
    refund.lines.map((line) => ({
      // A line of no copy gives back a fall of the publisher's price (a pre-order, lib/orders/pre-order.ts).
      title: line.quantity > 0 ? line.orderLine.title : `${line.orderLine.title} — baisse du prix de l’éditeur`,
      ean: line.orderLine.ean,
      quantity: line.quantity,
      unitPriceCents: null,
      lineTotalCents: line.amountCents,
      vatRateBasisPoints: line.orderLine.vatRateBasisPoints,
    })),
    refund.shippingCents + refund.extraCents,
    refund.extraCents > 0 ? 'Frais de livraison et geste commercial' : 'Frais de livraison',
  );
  const year = now.getUTCFullYear();
  const sequence = await nextSequence(tx, 'A', year);
  const number = invoiceNumber('A', year, sequence);
  await tx.invoice.create({
    data: {
      number,
      kind: 'credit_note',
      series: 'A',
      year,
      sequence,
      issuedAt: now,
      seller: json(sellerSnapshot(await readShopSettings(tx))),
      buyer: json(invoiced.invoice.buyer),
      lines: json(body.lines),
      vat: json(body.vat),
      shippingCents: refund.shippingCents + refund.extraCents,
      totalCents: body.totalCents,
      creditedInvoiceId: invoiced.invoice.id,
      refundId,
      orders: { create: { orderId: refund.orderId } },
    },
    select: { id: true },
  });
  await queueHandover(tx, number, BuyerSnapshotSchema.parse(invoiced.invoice.buyer));
  return number;
}

const DOCUMENT_SELECT = {
  number: true,
  kind: true,
  issuedAt: true,
  seller: true,
  buyer: true,
  lines: true,
  vat: true,
  totalCents: true,
  paymentTerms: true,
  creditedInvoice: { select: { number: true, issuedAt: true, paymentTerms: true } },
} satisfies Prisma.InvoiceSelect;

type DocumentRow = Prisma.InvoiceGetPayload<{ select: typeof DOCUMENT_SELECT }>;

/**
 * A stored invoice read back through its schemas. Whether the buyer is a public one (Chorus Pro's,
 * not the platform's) is said by its snapshot since e-invoices exist, and before by the payment
 * terms of the invoice or of the invoice a credit note corrects: one answer, wherever it is read.
 */
function documentOf(row: DocumentRow) {
  const buyer = BuyerSnapshotSchema.parse(row.buyer);
  const paymentTerms = row.paymentTerms === null ? null : PaymentTermsSnapshotSchema.parse(row.paymentTerms);
  const creditedTerms = row.creditedInvoice?.paymentTerms
    ? PaymentTermsSnapshotSchema.parse(row.creditedInvoice.paymentTerms)
    : null;
  const publicBuyer = buyer.publicBuyer ?? paymentTerms?.publicBuyer ?? creditedTerms?.publicBuyer;
  return {
    number: row.number,
    kind: row.kind,
    issuedAt: row.issuedAt,
    creditedNumber: row.creditedInvoice?.number ?? null,
    creditedIssuedAt: row.creditedInvoice?.issuedAt ?? null,
    creditedOnAccount: creditedTerms !== null,
    seller: SellerSnapshotSchema.parse(row.seller),
    buyer: publicBuyer === undefined ? buyer : { ...buyer, publicBuyer },
    lines: InvoiceLineSchema.array().parse(row.lines),
    vat: VatRowSchema.array().parse(row.vat),
    totalCents: row.totalCents,
    paymentTerms,
  };
}

/** An order's invoice and credit notes, oldest first, read back through their schemas. */
export async function invoicesOfOrder(orderId: number) {
  const rows = await getDb().invoice.findMany({
    where: { orders: { some: { orderId } } },
    orderBy: { id: 'asc' },
    select: DOCUMENT_SELECT,
  });
  return rows.map(documentOf);
}

/** Invoices and credit notes by id, in their number's order. */
export async function invoicesByIds(ids: number[]) {
  const rows = await getDb().invoice.findMany({
    where: { id: { in: ids } },
    orderBy: [{ series: 'asc' }, { year: 'asc' }, { sequence: 'asc' }],
    select: DOCUMENT_SELECT,
  });
  return rows.map(documentOf);
}

export type InvoiceView = ReturnType<typeof documentOf>;
