import { describe, expect, it } from 'vitest';
import { AddToCartSchema, UpdateCartLineSchema } from './cart';

describe('cart form schemas', () => {
  it('accepts a valid EAN and quantity, with 1 by default', () => {
    expect(AddToCartSchema.parse({ ean: '9782296013681', quantity: '3' })).toEqual({
      ean: '9782296013681',
      quantity: 3,
    });
    expect(AddToCartSchema.parse({ ean: '9782296013681' })).toEqual({ ean: '9782296013681', quantity: 1 });
  });
  it.each([['0'], ['-1'], ['2.5'], ['1e3'], ['11'], ['100'], ['99999999999'], [''], ['abc'], ['1\u0000']])(
    'refuses quantity %s to add',
    (quantity) => {
      const result = AddToCartSchema.safeParse({ ean: '9782296013681', quantity });
      expect(result.success).toBe(false);
    },
  );
  it('allows 0 to remove a line when updating', () => {
    expect(UpdateCartLineSchema.parse({ ean: '9782296013681', quantity: '0' }).quantity).toBe(0);
  });
  it.each([['9782296013682'], ['abc'], [''], ['9'.repeat(1000)]])('refuses EAN %s', (ean) => {
    expect(AddToCartSchema.safeParse({ ean, quantity: '1' }).success).toBe(false);
  });
});
