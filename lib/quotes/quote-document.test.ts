import { describe, expect, it } from 'vitest';
import { invoiceBody, sellerSnapshot } from '@/lib/invoicing/invoice-document';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { quoteConditions, quoteHeaderLines, renderQuotePdf } from './quote-document';

describe('a quote’s document', () => {
  const body = invoiceBody(
    [
      {
        title: 'Droit administratif',
        ean: '9782247203857',
        quantity: 3,
        unitPriceCents: 1820,
        lineTotalCents: 5460,
        vatRateBasisPoints: 550,
        discount: { publisherPriceCents: 2000, basisPoints: 900, unitDiscountCents: 180 },
      },
    ],
    0,
    'Frais de livraison',
  );
  const quote = {
    number: 'D2026-000012',
    issuedAt: new Date('2026-12-08T10:00:00Z'),
    validUntil: '2027-01-07',
    seller: sellerSnapshot(DEFAULT_SHOP_SETTINGS),
    buyer: {
      name: 'Bibliothèque universitaire',
      addressLines: ['12 place du Panthéon', '75005 Paris'],
      siret: '19751717100013',
    },
    lines: body.lines,
    vat: body.vat,
    totalCents: body.totalCents,
    paymentTermDays: 30,
  };

  it('states its date, its validity and the rule of the price of the day', () => {
    expect(quoteHeaderLines(quote)).toEqual(['Date du devis : 08/12/2026', 'Devis valable jusqu’au 07/01/2027']);
    expect(quoteConditions(quote)[0]).toContain('loi n° 81-766 du 10 août 1981, art. 1');
  });

  it('renders as a PDF in Helvetica’s WinAnsi', async () => {
    const pdf = await renderQuotePdf(quote);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
  });
});
