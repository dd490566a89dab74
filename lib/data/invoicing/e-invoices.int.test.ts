import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { transactOrThrow } from '@/lib/data/platform/transactions';
import type { ConsumerSalesReport } from '@/lib/invoicing/e-reporting';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { createPaidOrder, createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { ciiFigures, ciiSchemaErrors, en16931TotalRuleFailures, ublSchemaErrors } from '@/scripts/test/e-invoice-xml';
import { openTestDatabase } from '@/scripts/test/test-database';

// The e-invoices of real invoices issued in the database (docs/decisions/031-e-invoices.md): each
// Factur-X file embeds an XML, taken back out of the PDF (poppler's pdfdetach, not the generator),
// that validates against the EN 16931 CII schema and states the printable invoice's figures; the
// business invoices go to the approved platform once, the public buyers' to the Chorus Pro export,
// and the day's sales to consumers to the e-reporting.
const db = openTestDatabase();
let files: typeof import('./e-invoice-files');
let invoices: typeof import('./invoices');
let platform: typeof import('./e-invoice-platform');
let chorus: typeof import('./chorus-pro-export');
let onAccount: typeof import('@/lib/data/buying/orders-on-account');
let workflow: typeof import('@/lib/data/order-desk/workflow');

beforeAll(async () => {
  files = await import('./e-invoice-files');
  invoices = await import('./invoices');
  platform = await import('./e-invoice-platform');
  chorus = await import('./chorus-pro-export');
  onAccount = await import('@/lib/data/buying/orders-on-account');
  workflow = await import('@/lib/data/order-desk/workflow');
});

const work = mkdtempSync(path.join(tmpdir(), 'e-invoices-'));

/** The files attached to a PDF, by name, as poppler reads them. */
function attachments(pdf: Uint8Array): Map<string, Buffer> {
  const folder = mkdtempSync(path.join(work, 'pdf-'));
  const file = path.join(folder, 'document.pdf');
  writeFileSync(file, pdf);
  const names = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .flatMap((line) => line.match(/^\d+: (.+)$/)?.slice(1) ?? []);
  execFileSync('pdfdetach', ['-saveall', '-o', folder, file]);
  return new Map(names.map((name) => [name, readFileSync(path.join(folder, name))]));
}

type Printable = Awaited<ReturnType<typeof import('./invoices').invoicesOfOrder>>[number];

/** The Factur-X of a stored invoice: a PDF/A-3 embedding a valid CII with the printed figures. */
async function expectFacturX(invoice: Printable) {
  const file = await files.invoiceFile(invoice, 'factur-x');
  const pdfPath = path.join(work, `${invoice.number}.pdf`);
  writeFileSync(pdfPath, file!.body);
  const xml = attachments(file!.body).get('factur-x.xml')?.toString('utf8');
  expect(xml, `${invoice.number}: factur-x.xml attached`).toBeDefined();
  expect(await ciiSchemaErrors(xml!)).toEqual([]);
  const figures = ciiFigures(xml!);
  expect(en16931TotalRuleFailures(figures)).toEqual([]);
  expect(figures.number).toBe(invoice.number);
  expect(figures.lines.map((line) => line.amountCents)).toEqual(invoice.lines.map((line) => line.totalExclVatCents));
  expect(figures.vat).toEqual(
    invoice.vat.map((row) => ({
      rate: row.rateBasisPoints / 100,
      baseCents: row.baseExclVatCents,
      vatCents: row.vatCents,
    })),
  );
  expect(figures.grandTotalCents).toBe(invoice.totalCents);
  // PDF/A: every font embedded; the XMP says Factur-X EN 16931 and PDF/A-3.
  const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((line) => / yes /.test(line))).toBe(true);
  const xmp = execFileSync('pdfinfo', ['-meta', pdfPath], { encoding: 'utf8' });
  expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
  expect(xmp).toMatch(/<fx:ConformanceLevel>EN 16931<\/fx:ConformanceLevel>/);
  return figures;
}

/** A SIRET nobody else in the shared test database has: 13 random digits and the Luhn key. */
function freshSiret(): string {
  const body = `${randomInt(1, 10)}${Array.from({ length: 12 }, () => randomInt(10)).join('')}`;
  for (let key = 0; key < 10; key += 1) {
    const siret = `${body}${key}`;
    const sum = [...siret].reverse().reduce((acc, char, index) => {
      const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
      return acc + (digit > 9 ? digit - 9 : digit);
    }, 0);
    if (sum % 10 === 0) return siret;
  }
  throw new Error('unreachable');
}

/** An organisation's order of 3 books on account, placed, prepared and shipped: its invoice. */
async function shippedOrderOnAccount(options: { publicBuyer: boolean }) {
  const buyer = `achats.${randomUUID().slice(0, 8)}@client.example`;
  const organisation = await db.customerOrganisation.create({
    data: {
      name: options.publicBuyer ? 'Bibliothèque universitaire de test' : 'Cabinet Portalis',
      siret: freshSiret(),
      vatNumber: options.publicBuyer ? null : 'FR40443061841',
      kind: options.publicBuyer ? 'library' : 'company',
      publicBuyer: options.publicBuyer,
      chorusServiceCode: options.publicBuyer ? 'BU-ACQ' : null,
      engagementNumberRequired: options.publicBuyer,
      paymentTermDays: 30,
      discountBasisPoints: options.publicBuyer ? 900 : 500,
      billingEmail: 'factures@client.example',
      billingLine1: '12 place du Panthéon',
      billingPostalCode: '75005',
      billingCity: 'Paris',
      members: { create: { email: buyer } },
    },
    select: { id: true, siret: true },
  });
  const book = await createTestBook(db, { onHand: 5, withSupplier: false, priceCents: 2390 });
  const [cartId] = await createCarts(db, book.id, 1, 3);
  const placed = await onAccount.placeOrderOnAccount(
    { email: buyer },
    cartId!,
    {
      organisationId: organisation.id,
      fullName: 'Camille Acquéreuse',
      phone: '',
      deliveryMethod: 'home_delivery',
      purchaseOrderNumber: 'BC-2026-0042',
      engagementNumber: options.publicBuyer ? 'EJ-2026-7' : null,
    },
    new Date(),
    `client-${cartId}`,
  );
  if (!placed.ok) throw new Error(placed.message);
  const staff = await createTestStaff(db);
  const actor = { id: staff.id, ip: null };
  const prepared = await workflow.changeOrderStatus(actor, {
    reference: placed.reference,
    version: 0,
    transition: 'prepare',
  });
  if (!prepared.ok) throw new Error(prepared.message);
  const shipped = await workflow.changeOrderStatus(actor, {
    reference: placed.reference,
    version: prepared.version,
    transition: 'ship',
    shipment: { carrier: 'colissimo', trackingNumber: '6A12345678901' },
  });
  if (!shipped.ok) throw new Error(shipped.message);
  const order = await db.order.findUniqueOrThrow({ where: { reference: placed.reference }, select: { id: true } });
  const [invoice] = await invoices.invoicesOfOrder(order.id);
  return { invoice: invoice!, siret: organisation.siret };
}

const queuedHandovers = (number: string) =>
  db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'e-invoice-handover' AND data->>'invoiceNumber' = ${number}`.then(
    ([row]) => row?.count ?? 0,
  );

describe('the Factur-X of a reader’s invoice and credit note', () => {
  it('embeds a CII valid against EN 16931, with the figures of the printable invoice and the credit note’s reference', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: false, quantity: 3 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const refund = await db.refund.create({
      data: {
        orderId: order.id,
        idempotencyKey: randomUUID(),
        amountCents: line.unitPriceCents,
        reason: 'withdrawal',
        restock: false,
        status: 'succeeded',
        appliedAt: new Date(),
        lines: { create: { orderLineId: line.id, quantity: 1, amountCents: line.unitPriceCents } },
      },
    });
    await transactOrThrow((tx) => invoices.issueCreditNote(tx, refund.id, new Date()));
    const [invoice, creditNote] = await invoices.invoicesOfOrder(order.id);
    expect(await expectFacturX(invoice!)).toMatchObject({ typeCode: '380', paidCents: order.totalCents, dueCents: 0 });
    expect(await expectFacturX(creditNote!)).toMatchObject({ typeCode: '381', creditedNumber: invoice!.number });
    // A reader is no business: no UBL, no handover to the approved platform.
    expect(await files.invoiceFile(invoice!, 'ubl')).toBeNull();
    expect(await queuedHandovers(invoice!.number)).toBe(0);
  });
});

describe('an invoice on account to a company', () => {
  it('is queued with the invoice and handed to the platform once, as Factur-X; its UBL validates', async () => {
    const { invoice, siret } = await shippedOrderOnAccount({ publicBuyer: false });
    expect(await expectFacturX(invoice)).toMatchObject({
      buyerSiret: siret,
      buyerVatNumber: 'FR40443061841',
      orderReference: 'BC-2026-0042',
      paymentMeans: '58',
      dueCents: invoice.totalCents,
      dueDate: invoice.paymentTerms!.dueOn.replaceAll('-', ''),
    });
    const ubl = await files.invoiceFile(invoice, 'ubl');
    expect(await ublSchemaErrors(new TextDecoder().decode(ubl!.body))).toEqual([]);

    expect(await queuedHandovers(invoice.number)).toBe(1);
    const outbox = mkdtempSync(path.join(work, 'platform-'));
    const adapter = platform.fileEInvoicePlatform(outbox);
    const [first, second] = await Promise.all([
      platform.handOverInvoice(invoice.number, adapter),
      platform.handOverInvoice(invoice.number, adapter),
    ]);
    // Two workers at once (a retry while the first try still runs): one handover recorded.
    expect([first, second].sort()).toEqual(['already', 'handed']);
    expect(await platform.handOverInvoice(invoice.number, adapter)).toBe('already');
    expect(await db.eInvoiceHandover.count({ where: { invoice: { number: invoice.number } } })).toBe(1);
    const handed = readFileSync(path.join(outbox, 'factures', `${invoice.number}.pdf`));
    expect(ciiFigures(attachments(handed).get('factur-x.xml')!.toString('utf8')).grandTotalCents).toBe(
      invoice.totalCents,
    );
  });

  it('a business invoice its job never handed over is handed by the hourly sweep, once', async () => {
    const { invoice } = await shippedOrderOnAccount({ publicBuyer: false });
    const outbox = mkdtempSync(path.join(work, 'sweep-'));
    const adapter = platform.fileEInvoicePlatform(outbox);
    // Within its job's ten minutes: left to the job.
    await platform.handOverMissedInvoices(new Date(invoice.issuedAt.getTime() + 60_000), adapter);
    expect(await db.eInvoiceHandover.count({ where: { invoice: { number: invoice.number } } })).toBe(0);
    const later = new Date(invoice.issuedAt.getTime() + 11 * 60_000);
    expect(await platform.handOverMissedInvoices(later, adapter)).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(outbox, 'factures', `${invoice.number}.pdf`))).toBe(true);
    expect(await db.eInvoiceHandover.count({ where: { invoice: { number: invoice.number } } })).toBe(1);
    await platform.handOverMissedInvoices(later, adapter);
    expect(await db.eInvoiceHandover.count({ where: { invoice: { number: invoice.number } } })).toBe(1);
  });
});

describe('an invoice on account to a public buyer', () => {
  it('carries Chorus Pro’s SIRET, service code and engagement number, and is in the period’s Chorus Pro zip, not the platform’s', async () => {
    const { invoice, siret } = await shippedOrderOnAccount({ publicBuyer: true });
    expect(await expectFacturX(invoice)).toMatchObject({
      buyerSiret: siret,
      buyerReference: 'BU-ACQ',
      orderReference: 'EJ-2026-7',
    });
    expect(await queuedHandovers(invoice.number)).toBe(0);
    expect(await platform.handOverInvoice(invoice.number, platform.fileEInvoicePlatform(work))).toBe('not_owed');

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(invoice.issuedAt);
    const made = await chorus.chorusProZip({ from: today, to: today });
    if (!made.ok) throw new Error(made.message);
    const entries = unzipSync(made.zip);
    // Every document of the day rendered: no ERREURS.txt.
    expect(Object.keys(entries)).toHaveLength(made.count);
    const deposited = entries[`${invoice.number}.pdf`];
    expect(deposited).toBeDefined();
    const xml = attachments(deposited!).get('factur-x.xml')!.toString('utf8');
    expect(ciiFigures(xml)).toMatchObject({
      buyerSiret: siret,
      buyerReference: 'BU-ACQ',
      grandTotalCents: invoice.totalCents,
    });
    // Another day: not in it.
    expect((await chorus.listChorusProInvoices({ from: '2020-01-01', to: '2020-01-31' })).length).toBe(0);
  });
});

describe('the e-reporting of a day’s sales to consumers', () => {
  it('sums the day’s invoices and credit notes without SIRET per rate, handed over once', async () => {
    await createPaidOrder(db, { onHand: 2, withSupplier: false, quantity: 2 });
    const now = new Date();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
    // What the day's documents say, read here on their own: B2C ones (no SIRET), invoices minus credit notes.
    const ofDay = (
      await db.invoice.findMany({ select: { kind: true, issuedAt: true, buyer: true, vat: true } })
    ).filter(
      (row) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(row.issuedAt) === day &&
        !(row.buyer as { siret?: string }).siret,
    );
    const expected = new Map<number, number>();
    for (const row of ofDay)
      for (const vat of row.vat as { rateBasisPoints: number; vatCents: number }[])
        expected.set(
          vat.rateBasisPoints,
          (expected.get(vat.rateBasisPoints) ?? 0) + (row.kind === 'invoice' ? vat.vatCents : -vat.vatCents),
        );

    const outbox = mkdtempSync(path.join(work, 'reporting-'));
    const adapter = platform.fileEInvoicePlatform(outbox);
    const result = await platform.reportConsumerSales(day, adapter, now);
    expect(result.status).toBe('handed');
    const written = JSON.parse(
      readFileSync(path.join(outbox, 'e-reporting', `${day}.json`), 'utf8'),
    ) as ConsumerSalesReport;
    expect(written).toEqual(result.report);
    expect(written.transactions).toBe(ofDay.filter((row) => row.kind === 'invoice').length);
    expect(new Map(written.rates.map((rate) => [rate.rateBasisPoints, rate.vatCents]))).toEqual(expected);
    expect((await platform.reportConsumerSales(day, adapter, now)).status).toBe('already');

    // The worker stopped for two nights: the next run reports the days it missed, once.
    const later = new Date(`${day}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 3);
    expect(await platform.reportMissingConsumerSales(later, adapter)).toBe(2);
    const missed = [1, 2].map((offset) => {
      const missedDay = new Date(`${day}T12:00:00Z`);
      missedDay.setUTCDate(missedDay.getUTCDate() + offset);
      return missedDay.toISOString().slice(0, 10);
    });
    for (const missedDay of missed)
      expect(existsSync(path.join(outbox, 'e-reporting', `${missedDay}.json`))).toBe(true);
    expect(await platform.reportMissingConsumerSales(later, adapter)).toBe(0);
  });
});
