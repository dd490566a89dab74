import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import {
  ciiFigures,
  ciiSchemaErrors,
  en16931TotalRuleFailures,
  ublSchemaErrors,
  xmlTexts,
} from '@/scripts/test/e-invoice-xml';
import { hasUbl, structuredAddress, type EInvoiceSource } from './e-invoice';
import { renderCii, renderUbl } from './factur-x';
import { invoiceBody, sellerSnapshot, type SoldLine } from './invoice-document';
import type { InvoiceForPrint } from './invoice-text';
import { paymentTermsSnapshot } from './payment-terms';

// The EN 16931 data of an invoice (lib/invoicing/e-invoice.ts, rendered by @e-invoice-eu/core):
// valid against the official CII and UBL schemas (lib/invoicing/fixtures/), and its figures, read
// back by parsing the XML, equal to the printable invoice's to the cent.

const ISSUED_AT = new Date('2026-12-08T10:00:00Z');
const book = (overrides: Partial<SoldLine> = {}): SoldLine => ({
  title: 'Droit administratif',
  ean: '9782247203857',
  quantity: 2,
  unitPriceCents: 2000,
  lineTotalCents: 4000,
  vatRateBasisPoints: 550,
  ...overrides,
});

function document(lines: SoldLine[], shippingCents: number, overrides: Partial<EInvoiceSource> = {}): EInvoiceSource {
  const body = invoiceBody(lines, shippingCents, 'Frais de livraison');
  return {
    number: 'F2026-000001',
    kind: 'invoice',
    issuedAt: ISSUED_AT,
    creditedNumber: null,
    seller: sellerSnapshot(DEFAULT_SHOP_SETTINGS),
    buyer: { name: 'Camille Lectrice', addressLines: ['3 rue des Écoles', '75005 Paris'] },
    lines: body.lines,
    vat: body.vat,
    totalCents: body.totalCents,
    paymentTerms: null,
    ...overrides,
  };
}

const onAccountTerms = (options: { publicBuyer: boolean; engagementNumber: string | null }) =>
  paymentTermsSnapshot({
    issuedAt: ISSUED_AT,
    termsDays: 30,
    publicBuyer: options.publicBuyer,
    purchaseOrderNumber: 'BC-2026-0042',
    engagementNumber: options.engagementNumber,
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPP',
  });

/** The printable invoice's figures, as the XML must state them. */
function expectSameFigures(xml: string, invoice: InvoiceForPrint) {
  const figures = ciiFigures(xml);
  expect(figures.lines.map((line) => line.amountCents)).toEqual(invoice.lines.map((line) => line.totalExclVatCents));
  expect(figures.vat).toEqual(
    invoice.vat.map((row) => ({
      rate: row.rateBasisPoints / 100,
      baseCents: row.baseExclVatCents,
      vatCents: row.vatCents,
    })),
  );
  expect(figures.grandTotalCents).toBe(invoice.totalCents);
  expect(figures.taxTotalCents).toBe(invoice.vat.reduce((sum, row) => sum + row.vatCents, 0));
  expect(en16931TotalRuleFailures(figures)).toEqual([]);
  return figures;
}

describe('a reader’s invoice, paid by card at the order', () => {
  it('is an invoice (380) paid in full, valid against the EN 16931 CII schema; no UBL without a buyer’s address', async () => {
    const invoice = document([book()], 499);
    const xml = await renderCii(invoice);
    expect(await ciiSchemaErrors(xml)).toEqual([]);
    const figures = expectSameFigures(xml, invoice);
    expect(figures).toMatchObject({
      number: 'F2026-000001',
      typeCode: '380',
      guideline: 'urn:cen.eu:en16931:2017',
      paymentMeans: '48',
      paidCents: invoice.totalCents,
      dueCents: 0,
      buyerSiret: null,
      orderReference: null,
    });
    expect(hasUbl(invoice)).toBe(false);
  });
});

describe('an invoice on account, with the organisation’s discount', () => {
  it('to a public buyer: Chorus Pro’s SIRET, service code and engagement number, the IBAN and the due date', async () => {
    const invoice = document(
      [
        book({
          quantity: 3,
          unitPriceCents: 1820,
          lineTotalCents: 5460,
          discount: { publisherPriceCents: 2000, basisPoints: 900, unitDiscountCents: 180 },
        }),
      ],
      0,
      {
        buyer: {
          name: 'Bibliothèque universitaire',
          addressLines: ['12 place du Panthéon', '75005 Paris'],
          siret: '19751717100013',
          vatNumber: null,
          publicBuyer: true,
          chorusServiceCode: 'BU-ACQ',
        },
        paymentTerms: onAccountTerms({ publicBuyer: true, engagementNumber: 'EJ-2026-7' }),
      },
    );
    const xml = await renderCii(invoice);
    expect(await ciiSchemaErrors(xml)).toEqual([]);
    const figures = expectSameFigures(xml, invoice);
    expect(figures).toMatchObject({
      buyerSiret: '19751717100013',
      buyerReference: 'BU-ACQ',
      orderReference: 'EJ-2026-7',
      iban: 'FR7630006000011234567890189',
      paymentMeans: '58',
      dueDate: '20270107',
      paidCents: 0,
      dueCents: invoice.totalCents,
    });
    // The purchase-order number is not lost when the engagement number takes BT-13.
    expect(xmlTexts(xml).get('CrossIndustryInvoice/ExchangedDocument/IncludedNote/Content')).toContain(
      'Bon de commande n° BC-2026-0042',
    );
    expect(await ublSchemaErrors(await renderUbl(invoice))).toEqual([]);
  });

  it('to a company: its VAT number, and the purchase-order number as the order reference (BT-13)', async () => {
    const invoice = document([book({ quantity: 1, unitPriceCents: 1900, lineTotalCents: 1900 })], 285, {
      buyer: {
        name: 'Cabinet Portalis',
        addressLines: ['8 rue de Tournon', '75006 Paris'],
        siret: '44306184100047',
        vatNumber: 'FR40443061841',
        publicBuyer: false,
        chorusServiceCode: null,
      },
      paymentTerms: onAccountTerms({ publicBuyer: false, engagementNumber: null }),
    });
    const xml = await renderCii(invoice);
    expect(await ciiSchemaErrors(xml)).toEqual([]);
    expect(expectSameFigures(xml, invoice)).toMatchObject({
      buyerVatNumber: 'FR40443061841',
      orderReference: 'BC-2026-0042',
      buyerReference: null,
    });
  });
});

describe('a credit note', () => {
  it('is type 381 and names the invoice it corrects, in CII and as a UBL CreditNote', async () => {
    const invoice = document(
      [
        book({ quantity: 1, unitPriceCents: null, lineTotalCents: 2000 }),
        book({ quantity: 0, unitPriceCents: null, lineTotalCents: 150 }),
      ],
      499,
      {
        number: 'A2026-000003',
        kind: 'credit_note',
        creditedNumber: 'F2026-000001',
        creditedIssuedAt: ISSUED_AT,
        buyer: { name: 'Cabinet Portalis', addressLines: ['8 rue de Tournon', '75006 Paris'], siret: '44306184100047' },
      },
    );
    const xml = await renderCii(invoice);
    expect(await ciiSchemaErrors(xml)).toEqual([]);
    expect(expectSameFigures(xml, invoice)).toMatchObject({ typeCode: '381', creditedNumber: 'F2026-000001' });
    const ubl = await renderUbl(invoice);
    expect(ubl).toContain('urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2');
    expect(await ublSchemaErrors(ubl)).toEqual([]);
    // A card payment was refunded: nothing is left to settle.
    expect(expectSameFigures(xml, invoice)).toMatchObject({ dueCents: 0, paymentMeans: '48' });
  });

  it('of an invoice on account: nothing is paid back, it is set off against what the organisation owes', async () => {
    const invoice = document([book({ quantity: 1, unitPriceCents: null, lineTotalCents: 2000 })], 0, {
      number: 'A2026-000004',
      kind: 'credit_note',
      creditedNumber: 'F2026-000002',
      creditedIssuedAt: ISSUED_AT,
      creditedOnAccount: true,
      buyer: { name: 'Cabinet Portalis', addressLines: ['8 rue de Tournon', '75006 Paris'], siret: '44306184100047' },
    });
    const xml = await renderCii(invoice);
    expect(await ciiSchemaErrors(xml)).toEqual([]);
    expect(expectSameFigures(xml, invoice)).toMatchObject({ dueCents: 2000, paidCents: 0, paymentMeans: '97' });
  });
});

describe('several VAT rates and a delivery fee split between them', () => {
  it('states each rate’s printed base and VAT; a cent of rounding between lines and row is an explicit adjustment', async () => {
    // Three copies at 10,99 €: 10,42 € excl. VAT each line, but 31,25 € for the rate's 32,97 €.
    const invoice = document(
      [
        book({ ean: '9782070360024', quantity: 1, unitPriceCents: 1099, lineTotalCents: 1099 }),
        book({ ean: '9782070360031', quantity: 1, unitPriceCents: 1099, lineTotalCents: 1099 }),
        book({ ean: '9782070360048', quantity: 1, unitPriceCents: 1099, lineTotalCents: 1099 }),
        book({
          title: 'Agenda 2027',
          ean: '3760000000019',
          quantity: 1,
          unitPriceCents: 1250,
          lineTotalCents: 1250,
          vatRateBasisPoints: 2000,
        }),
      ],
      699,
    );
    expect(invoice.vat.map((row) => row.rateBasisPoints)).toEqual([550, 2000]);
    const xml = await renderCii(invoice);
    expect(await ciiSchemaErrors(xml)).toEqual([]);
    const figures = expectSameFigures(xml, invoice);
    expect(figures.adjustments.length).toBeGreaterThan(0);
    const business = { ...invoice, buyer: { ...invoice.buyer, siret: '44306184100047' } };
    expect(await ublSchemaErrors(await renderUbl(business))).toEqual([]);
  });

  it('holds for any basket: the totals rules of EN 16931 and the printed figures', async () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPriceCents: fc.integer({ min: 1, max: 20_000 }),
      vatRateBasisPoints: fc.constantFrom(550, 2000),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 1500 }),
        async (lines, shipping) => {
          const invoice = document(
            lines.map((sold, index) => ({
              ...sold,
              title: `Livre ${index}`,
              ean: `978000000${String(index).padStart(4, '0')}`,
              lineTotalCents: sold.quantity * sold.unitPriceCents,
            })),
            shipping,
          );
          expectSameFigures(await renderCii(invoice), invoice);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('structuredAddress', () => {
  it('reads the postal code and city from the last printed line', () => {
    expect(structuredAddress(['12 place du Panthéon', 'Bâtiment B', '75005 Paris'])).toEqual({
      street: '12 place du Panthéon',
      additional: 'Bâtiment B',
      postalCode: '75005',
      city: 'Paris',
    });
    expect(structuredAddress([])).toEqual({});
  });
});
