import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addCalendarDays, isoDay, toParisDay } from '@/lib/availability/paris-calendar';
import { getDb } from '@/lib/db';
import { logger } from '@/lib/observability/logger';
import { getEnv } from '@/lib/env';
import { isHandedToPlatform, type EInvoicePlatform, type HandedInvoice } from '@/lib/invoicing/e-invoice-platform';
import { renderFacturX } from '@/lib/invoicing/factur-x';
import { consumerSalesReport, type ConsumerSalesReport } from '@/lib/invoicing/e-reporting';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { invoiceFonts } from './e-invoice-files';
import { invoicesByIds } from './invoices';

// The shop's side of the approved e-invoicing platform (lib/invoicing/e-invoice-platform.ts).
// An invoice or credit note to a business (a customer organisation that is not a public buyer:
// those go through Chorus Pro, /admin/factures/chorus-pro) is queued in the transaction that issues
// it and handed over by the worker, once: the EInvoiceHandover row, written after the platform took
// it, is the proof; a retry after a crash hands the same file again under the same name. Every
// night, the day before's sales to consumers are summed and handed over the same way
// (ConsumerSalesReport, one per day).

/** Until a platform is connected: files in a folder (E_INVOICE_OUTBOX_DIR, default .data/e-invoices). */
export function fileEInvoicePlatform(directory: string): EInvoicePlatform {
  const write = async (relative: string, bytes: Uint8Array) => {
    const target = path.join(directory, relative);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside under a name of its own (two workers may hand the same invoice at once),
    // then renamed: a reader of the folder never sees half a file.
    const partial = `${target}.${process.pid}-${randomUUID()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, target);
    return relative;
  };
  return {
    name: 'file',
    submitInvoice: async (invoice: HandedInvoice) => ({
      reference: await write(path.join('factures', `${invoice.number}.pdf`), invoice.facturX),
    }),
    submitConsumerSales: async (report: ConsumerSalesReport) => ({
      reference: await write(
        path.join('e-reporting', `${report.day}.json`),
        new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`),
      ),
    }),
  };
}

export function eInvoiceOutboxDir(): string {
  const env = getEnv();
  return path.resolve(env.E_INVOICE_OUTBOX_DIR ?? path.join(env.LIBRAIRIE_DATA_DIR, 'e-invoices'));
}

export const defaultEInvoicePlatform = () => fileEInvoicePlatform(eInvoiceOutboxDir());

export type HandoverResult = 'handed' | 'already' | 'not_owed' | 'unknown';

/** The worker's job: hand one invoice to the platform, once. */
export async function handOverInvoice(
  invoiceNumber: string,
  platform: EInvoicePlatform = defaultEInvoicePlatform(),
  now = new Date(),
): Promise<HandoverResult> {
  const db = getDb();
  const row = await db.invoice.findUnique({
    where: { number: invoiceNumber },
    select: { id: true, handover: { select: { id: true } } },
  });
  if (!row) return 'unknown';
  if (row.handover) return 'already';
  const [invoice] = await invoicesByIds([row.id]);
  if (!invoice?.buyer.siret || !isHandedToPlatform(invoice.buyer)) return 'not_owed';
  const { reference } = await platform.submitInvoice({
    number: invoice.number,
    kind: invoice.kind,
    facturX: await renderFacturX(invoice, await invoiceFonts()),
    buyerSiret: invoice.buyer.siret,
  });
  const created = await db.eInvoiceHandover.createMany({
    data: [{ invoiceId: row.id, platform: platform.name, reference, handedAt: now }],
    skipDuplicates: true,
  });
  return created.count === 1 ? 'handed' : 'already';
}

/** How long an invoice's own job has to hand it over before the sweep takes it. */
const HANDOVER_GRACE_MS = 10 * 60_000;

/**
 * The hourly sweep: business invoices issued more than ten minutes ago and never handed over (a
 * job whose retries all failed, an invoice issued before the platform existed) are handed now, a
 * hundred a run, oldest first; one that cannot be rendered is logged and left for the next run.
 */
export async function handOverMissedInvoices(
  now = new Date(),
  platform: EInvoicePlatform = defaultEInvoicePlatform(),
): Promise<number> {
  const rows = await getDb().$queryRaw<{ number: string }[]>`
    SELECT i."number" FROM "Invoice" i
    LEFT JOIN "Invoice" credited ON credited."id" = i."creditedInvoiceId"
    WHERE i."buyer" ? 'siret'
      AND COALESCE(i."buyer"->>'publicBuyer', i."paymentTerms"->>'publicBuyer', credited."paymentTerms"->>'publicBuyer', 'false') <> 'true'
      AND i."issuedAt" < ${new Date(now.getTime() - HANDOVER_GRACE_MS)}
      AND NOT EXISTS (SELECT 1 FROM "EInvoiceHandover" h WHERE h."invoiceId" = i."id")
    ORDER BY i."id"
    LIMIT 100`;
  let handed = 0;
  for (const { number } of rows) {
    try {
      if ((await handOverInvoice(number, platform, now)) === 'handed') handed += 1;
    } catch (error) {
      logger.error({ err: error, invoice: number }, 'e-invoice sweep: handover failed');
    }
  }
  return handed;
}

/** The Paris calendar day before `now`, YYYY-MM-DD: the day a nightly report covers. */
export function dayBefore(now: Date): string {
  return isoDay(addCalendarDays(toParisDay(now).day, -1));
}

/** How far back a nightly run reports the days a stopped worker missed; older ones are handed by hand. */
export const CONSUMER_SALES_CATCH_UP_DAYS = 31;

/**
 * The nightly run: every day not reported yet, oldest first, up to yesterday in Paris (the day
 * after the last one reported, within the last 31 days), so a night the worker was down is not
 * lost and a run late after midnight reports the right days.
 */
export async function reportMissingConsumerSales(
  now = new Date(),
  platform: EInvoicePlatform = defaultEInvoicePlatform(),
): Promise<number> {
  const today = toParisDay(now).day;
  const last = await getDb().consumerSalesReport.findFirst({ orderBy: { day: 'desc' }, select: { day: true } });
  const earliest = addCalendarDays(today, -CONSUMER_SALES_CATCH_UP_DAYS);
  const afterLast = last ? addCalendarDays(toParisDay(last.day).day, 1) : addCalendarDays(today, -1);
  let handed = 0;
  for (let day = afterLast < earliest ? earliest : afterLast; day < today; day = addCalendarDays(day, 1)) {
    if ((await reportConsumerSales(isoDay(day), platform, now)).status === 'handed') handed += 1;
  }
  return handed;
}

/** The invoices and credit notes to consumers (no SIRET) issued on a Paris calendar day. */
async function consumerDocumentsOf(day: string) {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Invoice"
    WHERE (("issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date = ${day}::date
      AND NOT ("buyer" ? 'siret')`;
  return invoicesByIds(rows.map((row) => row.id));
}

/** A day's e-reporting of sales to consumers, computed and handed over once. */
export async function reportConsumerSales(
  day: string,
  platform: EInvoicePlatform = defaultEInvoicePlatform(),
  now = new Date(),
): Promise<{ status: 'handed' | 'already'; report?: ConsumerSalesReport }> {
  const db = getDb();
  const dayDate = new Date(`${day}T00:00:00Z`);
  if (await db.consumerSalesReport.findUnique({ where: { day: dayDate }, select: { day: true } }))
    return { status: 'already' };
  const settings = await readShopSettings(db);
  const report = consumerSalesReport(day, settings.vatNumber, await consumerDocumentsOf(day));
  const { reference } = await platform.submitConsumerSales(report);
  await db.consumerSalesReport.createMany({
    data: [{ day: dayDate, platform: platform.name, reference, handedAt: now }],
    skipDuplicates: true,
  });
  return { status: 'handed', report };
}
