import { describe, expect, it } from 'vitest';
import { addToCartRefusal, addToCartRefusalLocation } from './add-to-cart-errors';

describe('a refused addition, without JavaScript', () => {
  it('goes to the cart with its code and book, and the cart reads them back', () => {
    const location = addToCartRefusalLocation('NOT_ENOUGH_COPIES', '9782717835212');
    expect(location).toBe('/panier?erreur=NOT_ENOUGH_COPIES&livre=9782717835212');
    const query = Object.fromEntries(new URL(location, 'http://x').searchParams);
    expect(addToCartRefusal(query)).toEqual({
      message: 'Ce livre n’a pas été ajouté : nous n’en avons pas autant d’exemplaires.',
      ean: '9782717835212',
    });
  });

  it('an unknown code or a forged book reads as the generic message, without a link', () => {
    expect(addToCartRefusalLocation('SOMETHING_ELSE', 'x'.repeat(5000))).toBe('/panier?erreur=ERREUR');
    expect(addToCartRefusal({ erreur: '<script>', livre: 'javascript:alert(1)' })).toEqual({
      message: 'Le livre n’a pas été ajouté : réessayez.',
      ean: null,
    });
    expect(addToCartRefusal({})).toBeNull();
  });
});
