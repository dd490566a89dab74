import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { invoiceBody, invoiceNumber, sellerSnapshot } from './invoice-document';
import { invoiceTitle, sellerLines } from './invoice-text';

describe('an invoice’s body (CGI art. 242 nonies A)', () => {
  it('gives each line excluding and including VAT, the delivery line, VAT per rate, and adds up to the cent', () => {
    const body = invoiceBody(
      [
        {
          title: 'Droit administratif',
          ean: '9782247203857',
          quantity: 2,
          unitPriceCents: 1550,
          lineTotalCents: 3100,
          vatRateBasisPoints: 550,
        },
        {
          title: 'Un carnet',
          ean: '3700000000001',
          quantity: 1,
          unitPriceCents: 1200,
          lineTotalCents: 1200,
          vatRateBasisPoints: 2000,
        },
      ],
      490,
      'Frais de livraison',
    );
    expect(body.totalCents).toBe(3100 + 1200 + 490);
    expect(body.lines.reduce((sum, line) => sum + line.totalInclVatCents, 0)).toBe(body.totalCents);
    expect(body.vat.map((row) => row.rateBasisPoints)).toEqual([550, 2000]);
    // The delivery fee is split between the rates, one line each.
    expect(body.lines.filter((line) => line.designation.startsWith('Frais de livraison'))).toHaveLength(2);
    for (const row of body.vat) expect(row.baseExclVatCents + row.vatCents).toBe(row.inclVatCents);
  });

  it('numbers as F2026-000123, and keeps the seller with its legal form, capital and registration', () => {
    expect(invoiceNumber('F', 2026, 123)).toBe('F2026-000123');
    expect(invoiceNumber('A', 2027, 1)).toBe('A2027-000001');
    const seller = sellerSnapshot(DEFAULT_SHOP_SETTINGS);
    expect(sellerLines(seller).join('\n')).toMatch(/SAS .* au capital de 10\s000,00\s€/);
    expect(sellerLines(seller).join('\n')).toContain('RCS Paris 812 345 676 — SIRET 81234567600009');
    expect(invoiceTitle({ kind: 'credit_note', number: 'A2026-000004', creditedNumber: 'F2026-000123' })).toBe(
      'Avoir A2026-000004 sur la facture F2026-000123',
    );
  });
});
