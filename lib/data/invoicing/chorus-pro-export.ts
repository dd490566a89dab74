import 'server-only';
import { zipSync } from 'fflate';
import { getDb } from '@/lib/db';
import { failure, type Failure } from '@/lib/core/result';
import { logger } from '@/lib/observability/logger';
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

/** About 70 ms each on this machine: a zip is made within a request, so a period holds this many at most. */
export const MAX_ZIP_DOCUMENTS = 300;

/**
 * The zip of their Factur-X files, named by number; a document the library cannot render is
 * named in `ERREURS.txt` rather than failing the whole zip. Stored, not compressed: PDFs are.
 */
export async function chorusProZip(
  period: ChorusProExportPeriod,
): Promise<{ ok: true; zip: Uint8Array; count: number } | Failure<'TOO_MANY_DOCUMENTS'>> {
  const ids = await publicBuyerInvoiceIds(period);
  if (ids.length > MAX_ZIP_DOCUMENTS)
    return failure(
      'TOO_MANY_DOCUMENTS',
      `${ids.length} documents sur la période : ${MAX_ZIP_DOCUMENTS} au plus par fichier, raccourcissez la période.`,
    );
  const invoices = await invoicesByIds(ids);
  const fonts = await invoiceFonts();
  const files: Record<string, Uint8Array> = {};
  const errors: string[] = [];
  for (const invoice of invoices) {
    try {
      files[`${invoice.number}.pdf`] = await renderFacturX(invoice, fonts);
    } catch (error) {
      logger.error({ err: error, invoice: invoice.number }, 'chorus pro export: factur-x failed');
      errors.push(`${invoice.number} : le fichier Factur-X n’a pas pu être produit.`);
    }
  }
  if (errors.length > 0) files['ERREURS.txt'] = new TextEncoder().encode(`${errors.join('\n')}\n`);
  return { ok: true, zip: zipSync(files, { level: 0 }), count: invoices.length - errors.length };
}
