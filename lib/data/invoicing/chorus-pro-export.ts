import 'server-only';
import { zipSync } from 'fflate';
import { getDb } from '@/lib/db';
import { renderFacturX } from '@/lib/invoicing/factur-x';
import type { ChorusProExportPeriod } from '@/lib/validation/chorus-pro-export';
import { invoiceFonts } from './e-invoice-files';
import { invoicesByIds } from './invoices';

// The invoices and credit notes to public buyers, to deposit in Chorus Pro (Code de la commande
// publique L2192-1 ff.: every supplier of the State and of local authorities invoices through it):
// one Factur-X file each (its XML carries the buyer's SIRET, service code and engagement number,
// lib/invoicing/e-invoice.ts), in a zip, for the Paris calendar days of a period. Chorus Pro
// takes Factur-X in its « flux mixte » and by upload in its portal.

/** A public buyer: said by the invoice's buyer, or by the payment terms of an invoice issued before it said so. */
async function publicBuyerInvoiceIds(period: ChorusProExportPeriod): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    SELECT i."id" FROM "Invoice" i
    LEFT JOIN "Invoice" credited ON credited."id" = i."creditedInvoiceId"
    WHERE ((i."issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date BETWEEN ${period.from}::date AND ${period.to}::date
      AND (i."buyer"->>'publicBuyer' = 'true'
        OR i."paymentTerms"->>'publicBuyer' = 'true'
        OR credited."paymentTerms"->>'publicBuyer' = 'true')
    ORDER BY i."id"`;
  return rows.map((row) => row.id);
}

export async function listChorusProInvoices(period: ChorusProExportPeriod) {
  return invoicesByIds(await publicBuyerInvoiceIds(period));
}

/** The zip of their Factur-X files, named by number. */
export async function chorusProZip(period: ChorusProExportPeriod): Promise<{ zip: Uint8Array; count: number }> {
  const invoices = await listChorusProInvoices(period);
  const fonts = await invoiceFonts();
  const files: Record<string, Uint8Array> = {};
  for (const invoice of invoices) files[`${invoice.number}.pdf`] = await renderFacturX(invoice, fonts);
  return { zip: zipSync(files, { level: 6 }), count: invoices.length };
}
