import { describe, expect, it } from 'vitest';
import { lendingRightRow, lendingRightTotals, type LendingRightDocument } from './lending-right';

const library = { name: 'BU Droit', siret: '19751719300017', postalCode: '75005', city: 'Paris' };

const invoice: LendingRightDocument = {
  number: 'F2026-000010',
  kind: 'invoice',
  issuedAt: new Date('2026-03-02T10:00:00Z'),
  library,
  totalInclVatCents: 6689,
  totalExclVatCents: 6340,
  books: [
    { quantity: 3, publisherPriceCents: 2450, vatRateBasisPoints: 550 },
    // Not a book (VAT at 20 %): no lending right on it.
    { quantity: 1, publisherPriceCents: 1000, vatRateBasisPoints: 2000 },
  ],
};

describe('the lending right (CPI L133-3: 6 % of the public price excl. VAT)', () => {
  it('is counted on the books at their public price, not on the discounted price paid', () => {
    // 3 × 24,50 € = 73,50 € incl. 5.5 % VAT → 69,67 € excl. VAT; 6 % of it: 4,18 €.
    expect(lendingRightRow(invoice)).toMatchObject({
      copies: 3,
      publicPriceExclVatCents: 6967,
      invoicedInclVatCents: 6689,
      dueCents: 418,
    });
  });

  it('a credit note takes its copies and its 6 % back', () => {
    const credit = lendingRightRow({
      ...invoice,
      number: 'A2026-000002',
      kind: 'credit_note',
      totalInclVatCents: 2230,
      totalExclVatCents: 2114,
      books: [{ quantity: 1, publisherPriceCents: 2450, vatRateBasisPoints: 550 }],
    });
    expect(credit).toMatchObject({
      copies: -1,
      publicPriceExclVatCents: -2322,
      invoicedInclVatCents: -2230,
      dueCents: -139,
    });
  });

  it('the year owes 6 % of its base, whatever the rounding of each row', () => {
    const rows = [0, 1, 2].map((index) =>
      lendingRightRow({
        ...invoice,
        number: `F2026-00002${index}`,
        books: [{ quantity: 1, publisherPriceCents: 1000, vatRateBasisPoints: 550 }],
      }),
    );
    // Each: 10,00 € → 9,48 € excl. VAT → 0,5688 € → 0,57 €; three rows: 28,44 € → 1,7064 € → 1,71 €.
    expect(rows.map((row) => row.dueCents)).toEqual([57, 57, 57]);
    expect(lendingRightTotals(rows)).toMatchObject({
      documents: 3,
      copies: 3,
      publicPriceExclVatCents: 2844,
      dueCents: 171,
    });
  });
});
