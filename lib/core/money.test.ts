import { describe, expect, it } from 'vitest';
import { formatDecimalAmount, formatPrice } from './money';

describe('formatPrice', () => {
  it('formats cents the French way', () => {
    expect(formatPrice(2450).replace(/\s/g, ' ')).toBe('24,50 €');
    expect(formatPrice(285000).replace(/\s/g, ' ')).toBe('2 850,00 €');
    expect(formatPrice(1).replace(/\s/g, ' ')).toBe('0,01 €');
  });
  it('refuses fractions of a cent', () => {
    expect(() => formatPrice(10.5)).toThrow(RangeError);
  });
});

describe('formatDecimalAmount', () => {
  it.each([
    [2900, '29.00'],
    [5, '0.05'],
    [123456, '1234.56'],
    [-250, '-2.50'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatDecimalAmount(cents)).toBe(text);
  });
});
