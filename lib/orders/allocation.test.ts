import { describe, expect, it } from 'vitest';
import { allocate, availableCopies, supplyLimit } from './allocation';

const book = (available: number, supplierCanSupply: boolean) => ({
  title: 'Droit civil',
  available,
  supplierCanSupply,
});

describe('availableCopies', () => {
  it.each([
    [{ onHand: 5, held: 2 }, 3],
    [{ onHand: 2, held: 2 }, 0],
    [{ onHand: 1, held: 3 }, 0],
    [null, 0],
  ])('%o → %i', (stock, expected) => {
    expect(availableCopies(stock)).toBe(expected);
  });
});

describe('allocate', () => {
  it('takes copies on hand first', () => {
    expect(allocate(2, book(5, false))).toEqual({ ok: true, allocation: { fromStock: 2, backorder: 0 } });
  });
  it('orders the rest from the distributor when it can supply', () => {
    expect(allocate(7, book(5, true))).toEqual({ ok: true, allocation: { fromStock: 5, backorder: 2 } });
    expect(allocate(3, book(0, true))).toEqual({ ok: true, allocation: { fromStock: 0, backorder: 3 } });
  });
  it('refuses what nobody can supply, saying how many copies are left', () => {
    expect(allocate(3, book(2, false))).toEqual({
      ok: false,
      code: 'NOT_ENOUGH_COPIES',
      message: 'Plus que 2 exemplaires disponibles de « Droit civil ».',
    });
    expect(allocate(3, book(1, false))).toMatchObject({
      code: 'NOT_ENOUGH_COPIES',
      message: 'Plus qu’un exemplaire disponible de « Droit civil ».',
    });
    expect(allocate(1, book(0, false))).toEqual({
      ok: false,
      code: 'NOT_ORDERABLE',
      message: '« Droit civil » n’est plus disponible.',
    });
  });
  it('treats a negative availability as none', () => {
    expect(allocate(1, book(-1, true))).toEqual({ ok: true, allocation: { fromStock: 0, backorder: 1 } });
    expect(allocate(1, book(-1, false))).toMatchObject({ ok: false, code: 'NOT_ORDERABLE' });
  });
  it('rejects a non-positive or fractional quantity', () => {
    expect(() => allocate(0, book(5, true))).toThrow(RangeError);
    expect(() => allocate(1.5, book(5, true))).toThrow(RangeError);
  });
});

describe('supplyLimit', () => {
  it('caps by the shelf without a supplier, by the shop’s cap per book with one', () => {
    expect(supplyLimit(book(2, false))).toBe(2);
    expect(supplyLimit(book(2, true))).toBe(10);
    expect(supplyLimit(book(500, false))).toBe(10);
    expect(supplyLimit(book(-3, false))).toBe(0);
  });
  it('takes a higher cap for a bookseller serving an institution', () => {
    expect(supplyLimit(book(500, false), 200)).toBe(200);
    expect(supplyLimit(book(2, true), 200)).toBe(200);
  });
});
