import { describe, expect, it } from 'vitest';
import { consumerSalesReport } from './e-reporting';

describe('consumerSalesReport', () => {
  it('sums a day’s sales to consumers per VAT rate, credit notes subtracted, in the shape of CGI annexe II art. 242 nonies M', () => {
    const report = consumerSalesReport('2026-12-08', 'FR32812345676', [
      {
        kind: 'invoice',
        vat: [
          { rateBasisPoints: 550, baseExclVatCents: 3791, vatCents: 208, inclVatCents: 3999 },
          { rateBasisPoints: 2000, baseExclVatCents: 1042, vatCents: 208, inclVatCents: 1250 },
        ],
      },
      { kind: 'invoice', vat: [{ rateBasisPoints: 550, baseExclVatCents: 1896, vatCents: 104, inclVatCents: 2000 }] },
      { kind: 'credit_note', vat: [{ rateBasisPoints: 550, baseExclVatCents: 948, vatCents: 52, inclVatCents: 1000 }] },
    ]);
    expect(report).toEqual({
      day: '2026-12-08',
      sellerVatNumber: 'FR32812345676',
      currency: 'EUR',
      category: 'TLB1',
      transactions: 2,
      creditNotes: 1,
      rates: [
        { rateBasisPoints: 550, baseExclVatCents: 3791 + 1896 - 948, vatCents: 208 + 104 - 52 },
        { rateBasisPoints: 2000, baseExclVatCents: 1042, vatCents: 208 },
      ],
    });
  });

  it('reports a day without sale as zero transactions, no rate', () => {
    expect(consumerSalesReport('2026-12-09', 'FR32812345676', [])).toMatchObject({ transactions: 0, rates: [] });
  });
});
