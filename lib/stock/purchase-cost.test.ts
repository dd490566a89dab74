import { describe, expect, it } from 'vitest';
import { formatDiscount, parseDiscountPercent, unitCostExclVat } from './purchase-cost';

describe('unitCostExclVat', () => {
  it.each([
    // 29,00 € TTC at 5,5 % = 27,49 € HT; 35 % off = 17,87 €
    { publisherPriceCents: 2900, vatRateBasisPoints: 550, discountBasisPoints: 3500, expected: 1787 },
    { publisherPriceCents: 2900, vatRateBasisPoints: 550, discountBasisPoints: 0, expected: 2749 },
    { publisherPriceCents: 2900, vatRateBasisPoints: 550, discountBasisPoints: 10_000, expected: 0 },
    // 20 % VAT (a non-book item): 12,00 € TTC = 10,00 € HT; 30 % off = 7,00 €
    { publisherPriceCents: 1200, vatRateBasisPoints: 2000, discountBasisPoints: 3000, expected: 700 },
  ])('$publisherPriceCents cents at $discountBasisPoints bp → $expected', ({ expected, ...input }) => {
    expect(unitCostExclVat(input)).toBe(expected);
  });

  it('refuses a discount outside 0–100 %', () => {
    expect(() =>
      unitCostExclVat({ publisherPriceCents: 1000, vatRateBasisPoints: 550, discountBasisPoints: 10_001 }),
    ).toThrow(RangeError);
    expect(() =>
      unitCostExclVat({ publisherPriceCents: 1000, vatRateBasisPoints: 550, discountBasisPoints: -1 }),
    ).toThrow(RangeError);
  });
});

describe('parseDiscountPercent', () => {
  it.each([
    ['35', 3500],
    ['35,5', 3550],
    ['35.25', 3525],
    [' 33 % ', 3300],
    ['0', 0],
    ['100', 10_000],
  ])('%s → %i', (input, expected) => expect(parseDiscountPercent(input)).toBe(expected));

  it.each(['', 'abc', '-5', '100,01', '1e2', '35,555', '1000'])('refuses %j', (input) =>
    expect(parseDiscountPercent(input)).toBeNull(),
  );

  it('formats basis points as a French percentage', () => {
    expect(formatDiscount(3550)).toBe('35,5 %');
    expect(formatDiscount(3000)).toBe('30 %');
  });
});
