import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { invoiceBody, sellerSnapshot } from './invoice-document';
import { renderInvoicePdf } from './invoice-pdf';
import { paymentTermsSnapshot } from './payment-terms';

describe('the PDF of an invoice payable by transfer', () => {
  it('renders the discount, the buyer’s identifiers and the payment terms in Helvetica’s WinAnsi', async () => {
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
    const pdf = await renderInvoicePdf({
      number: 'F2026-000001',
      kind: 'invoice',
      issuedAt: new Date('2026-12-08T10:00:00Z'),
      creditedNumber: null,
      seller: sellerSnapshot(DEFAULT_SHOP_SETTINGS),
      buyer: {
        name: 'Bibliothèque universitaire',
        addressLines: ['12 place du Panthéon', '75005 Paris'],
        siret: '19751717100013',
        vatNumber: null,
      },
      lines: body.lines,
      vat: body.vat,
      totalCents: body.totalCents,
      paymentTerms: paymentTermsSnapshot({
        issuedAt: new Date('2026-12-08T10:00:00Z'),
        termsDays: 30,
        publicBuyer: true,
        purchaseOrderNumber: 'BC-2026-0042',
        engagementNumber: 'EJ-1',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
      }),
    });
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
  });
});
