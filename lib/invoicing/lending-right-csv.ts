import { formatDateShort } from '@/lib/core/date';
import { csvEuros, toCsv } from '@/lib/stock/csv-export';
import type { LendingRightRow, lendingRightTotals } from './lending-right';

// The declaration as the bookseller types it into SOFIA's supplier space: one line per invoice or
// credit note (its number, date, amounts excl. and incl. VAT) with the library's identity, then
// the year's total and the 6 % due (CPI L133-3; the library declares the same invoices). Pure.

export function lendingRightCsv(declaration: {
  year: number;
  rows: readonly LendingRightRow[];
  totals: ReturnType<typeof lendingRightTotals>;
}): string {
  const { rows, totals } = declaration;
  return toCsv(
    [
      'Facture',
      'Type',
      'Date',
      'Bibliothèque',
      'SIRET',
      'Code postal',
      'Ville',
      'Exemplaires',
      'Montant HT facturé',
      'Montant TTC facturé',
      'Prix public HT des livres',
      'Droit de prêt 6 %',
    ],
    [
      ...rows.map((row) => [
        row.number,
        row.kind === 'credit_note' ? 'Avoir' : 'Facture',
        formatDateShort(row.issuedAt),
        row.library.name,
        row.library.siret,
        row.library.postalCode,
        row.library.city,
        row.copies,
        csvEuros(row.invoicedExclVatCents),
        csvEuros(row.invoicedInclVatCents),
        csvEuros(row.publicPriceExclVatCents),
        csvEuros(row.dueCents),
      ]),
      [
        `Total ${declaration.year}`,
        '',
        '',
        '',
        '',
        '',
        '',
        totals.copies,
        csvEuros(totals.invoicedExclVatCents),
        csvEuros(totals.invoicedInclVatCents),
        csvEuros(totals.publicPriceExclVatCents),
        csvEuros(totals.dueCents),
      ],
    ],
  );
}
