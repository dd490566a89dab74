import { describe, expect, it } from 'vitest';
import { checkCount } from './inventory-differences';

describe('checkCount', () => {
  const stock = [
    { bookId: 3, counted: 1, onHand: 3, held: 0 },
    { bookId: 1, counted: 5, onHand: 5, held: 0 },
    { bookId: 2, counted: null, onHand: 4, held: 0 },
    { bookId: 4, counted: 2, onHand: 0, held: 0 },
  ];

  it('a partial count adjusts only the books counted', () => {
    expect(checkCount('counted_books', stock)).toEqual({
      ok: true,
      differences: [
        { bookId: 3, counted: 1, onHand: 3, difference: -2 },
        { bookId: 4, counted: 2, onHand: 0, difference: 2 },
      ],
    });
  });

  it('a whole-shop count sets the books nobody counted to zero', () => {
    const result = checkCount('whole_shop', stock);
    expect(result.ok && result.differences.map((d) => [d.bookId, d.difference])).toEqual([
      [2, -4],
      [3, -2],
      [4, 2],
    ]);
  });

  it('waits when fewer copies were counted than are held for readers paying', () => {
    expect(checkCount('counted_books', [{ bookId: 1, counted: 1, onHand: 3, held: 2 }])).toEqual({
      ok: false,
      heldShortfalls: [{ bookId: 1, counted: 1, held: 2 }],
    });
  });
});
