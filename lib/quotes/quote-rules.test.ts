import { describe, expect, it } from 'vitest';
import { priceOrder } from '@/lib/pricing';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';
import {
  acceptanceRefusal,
  acceptedQuoteInput,
  isQuoteExpired,
  quoteNumber,
  quoteValidUntil,
  repricing,
  repricingNote,
  validityLine,
  type QuotedBookLine,
} from './quote-rules';

const line = (overrides: Partial<QuotedBookLine> = {}): QuotedBookLine => ({
  ean: '9782247203857',
  title: 'Droit administratif',
  quantity: 3,
  quotedDiscountBasisPoints: 900,
  publisherPriceCents: 2000,
  vatRateBasisPoints: 550,
  schoolbook: false,
  ...overrides,
});

describe('a quote’s number and validity', () => {
  it('numbers on its own series per year', () => {
    expect(quoteNumber(2026, 12)).toBe('D2026-000012');
  });

  it.each([
    // [made at (UTC), last day of validity]: 30 calendar days from the day in Paris.
    ['2026-12-08T10:00:00Z', '2027-01-07'],
    // 23:30 UTC on 31 December is already 1 January in Paris.
    ['2026-12-31T23:30:00Z', '2027-01-31'],
    // Across the change to summer time.
    ['2027-03-10T12:00:00Z', '2027-04-09'],
  ])('made at %s holds until %s', (issuedAt, validUntil) => {
    expect(quoteValidUntil(new Date(issuedAt))).toBe(validUntil);
  });

  it('prints « Devis valable jusqu’au 07/01/2027 »', () => {
    expect(validityLine('2027-01-07')).toBe('Devis valable jusqu’au 07/01/2027');
  });

  it('may be accepted until the end of its last day in Paris, not after', () => {
    expect(isQuoteExpired('2027-01-07', new Date('2027-01-07T22:59:00Z'))).toBe(false);
    expect(isQuoteExpired('2027-01-07', new Date('2027-01-07T23:00:00Z'))).toBe(true);
  });

  it('refuses an expired or an accepted quote with a French message', () => {
    const now = new Date('2027-01-08T09:00:00Z');
    const expired = acceptanceRefusal({ number: 'D2026-000012', status: 'open', validUntil: '2027-01-07' }, now);
    expect(expired).toMatchObject({ code: 'QUOTE_EXPIRED' });
    expect(expired?.message).toContain('a expiré le 07/01/2027');
    expect(
      acceptanceRefusal({ number: 'D2026-000012', status: 'accepted', validUntil: '2027-02-07' }, now),
    ).toMatchObject({ code: 'QUOTE_ALREADY_ACCEPTED' });
    expect(acceptanceRefusal({ number: 'D2026-000012', status: 'open', validUntil: '2027-01-08' }, now)).toBeNull();
  });
});

describe('an accepted quote’s price', () => {
  const shippingTable = DEFAULT_SHOP_SETTINGS.shippingTable;

  it('keeps the quote’s discount on the publisher’s price of the day', () => {
    const input = acceptedQuoteInput('library', [line({ publisherPriceCents: 2200 })], 'shop_pickup');
    if (!input.ok) throw new Error(input.message);
    const priced = priceOrder(input.input, { shippingTable });
    if (!priced.ok) throw new Error(priced.message);
    // 22,00 € less 9 % (1,98 €): 20,02 € a copy.
    expect(priced.order.lines[0]).toMatchObject({ unitPriceCents: 2002, lineTotalCents: 6006 });
  });

  it.each([
    // [kind today, quoted discount, schoolbook, discount applied] (loi n° 81-766, art. 1 and 3)
    ['library', 900, false, 900],
    // A company: 5 % at most (art. 1), whatever the quote said.
    ['company', 900, false, 500],
    ['company', 300, false, 300],
    // A school's schoolbook: art. 3's free price (last paragraph), as quoted.
    ['teaching_establishment', 1500, true, 1500],
    // A library's schoolbook: 9 % (art. 3, 2°), whatever the quote said.
    ['library', 1500, true, 900],
  ] as const)('a %s quoted %i bp (schoolbook %s) gets %i bp', (kind, quoted, schoolbook, applied) => {
    const input = acceptedQuoteInput(kind, [line({ quotedDiscountBasisPoints: quoted, schoolbook })], 'shop_pickup');
    if (!input.ok) throw new Error(input.message);
    expect(input.input.lines[0]?.discountBasisPoints).toBe(applied);
    // And priceOrder takes it as such.
    const priced = priceOrder(input.input, { shippingTable: SHOP_SHIPPING_TABLE });
    if (!priced.ok) throw new Error(priced.message);
    expect(priced.order.lines[0]!.requestedDiscountBasisPoints).toBe(applied);
  });

  it('refuses a reseller, which cannot order on account yet', () => {
    expect(acceptedQuoteInput('reseller', [line()], 'shop_pickup')).toMatchObject({ code: 'RESELLER_NOT_ON_ACCOUNT' });
  });
});

describe('the difference between a quote and its order', () => {
  const quote = {
    totalCents: 5460,
    lines: [
      { ean: '9782247203857', title: 'Droit administratif', publisherPriceCents: 2000 },
      { ean: '9782130592259', title: 'Droit civil', publisherPriceCents: 1500 },
    ],
  };

  it('is zero and names no book when no price changed', () => {
    const result = repricing(quote, {
      totalCents: 5460,
      publisherPriceByEan: new Map([
        ['9782247203857', 2000],
        ['9782130592259', 1500],
      ]),
    });
    expect(result).toEqual({ differenceCents: 0, changes: [] });
    expect(repricingNote(result.differenceCents)).toBeNull();
  });

  it('names the books whose publisher’s price changed and the difference in total', () => {
    const result = repricing(quote, {
      totalCents: 6006,
      publisherPriceByEan: new Map([
        ['9782247203857', 2200],
        ['9782130592259', 1500],
      ]),
    });
    expect(result.differenceCents).toBe(546);
    expect(result.changes).toEqual([
      {
        ean: '9782247203857',
        title: 'Droit administratif',
        quotedPublisherPriceCents: 2000,
        publisherPriceCents: 2200,
      },
    ]);
    expect(repricingNote(546)).toMatch(/total \+5,46\s€ .*loi n° 81-766, art\. 1/);
    expect(repricingNote(-120)).toMatch(/total −1,20\s€/);
  });
});
