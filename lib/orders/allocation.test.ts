import { describe, expect, it } from 'vitest';
import { allocate, MAX_QUANTITY_PER_LINE, supplyLimit, supplyProblemMessage } from './allocation';

describe('allocate', () => {
  it('takes copies on hand first', () => {
    expect(allocate(2, { available: 5, supplierCanSupply: false })).toEqual({
      ok: true,
      allocation: { fromStock: 2, backorder: 0 },
    });
  });
  it('orders the rest from the distributor when it can supply', () => {
    expect(allocate(7, { available: 5, supplierCanSupply: true })).toEqual({
      ok: true,
      allocation: { fromStock: 5, backorder: 2 },
    });
    expect(allocate(3, { available: 0, supplierCanSupply: true })).toEqual({
      ok: true,
      allocation: { fromStock: 0, backorder: 3 },
    });
  });
  it('refuses what nobody can supply', () => {
    expect(allocate(3, { available: 2, supplierCanSupply: false })).toEqual({
      ok: false,
      problem: { code: 'NOT_ENOUGH_COPIES', available: 2 },
    });
    expect(allocate(1, { available: 0, supplierCanSupply: false })).toEqual({
      ok: false,
      problem: { code: 'NOT_ORDERABLE' },
    });
  });
  it('treats a negative availability as none', () => {
    expect(allocate(1, { available: -1, supplierCanSupply: true })).toEqual({
      ok: true,
      allocation: { fromStock: 0, backorder: 1 },
    });
  });
  it('rejects a non-positive or fractional quantity', () => {
    expect(() => allocate(0, { available: 5, supplierCanSupply: true })).toThrow(RangeError);
    expect(() => allocate(1.5, { available: 5, supplierCanSupply: true })).toThrow(RangeError);
  });
});

describe('supplyLimit and messages', () => {
  it('caps by the shelf without a supplier, by the line maximum with one', () => {
    expect(supplyLimit({ available: 2, supplierCanSupply: false })).toBe(2);
    expect(supplyLimit({ available: 2, supplierCanSupply: true })).toBe(MAX_QUANTITY_PER_LINE);
    expect(supplyLimit({ available: 500, supplierCanSupply: false })).toBe(MAX_QUANTITY_PER_LINE);
  });
  it('says how many copies are left', () => {
    expect(supplyProblemMessage({ code: 'NOT_ENOUGH_COPIES', available: 2 }, 'Droit civil')).toBe(
      'Plus que 2 exemplaires disponibles de « Droit civil ».',
    );
    expect(supplyProblemMessage({ code: 'NOT_ENOUGH_COPIES', available: 1 }, 'X')).toBe(
      'Plus qu’un exemplaire disponible de « X ».',
    );
  });
});
