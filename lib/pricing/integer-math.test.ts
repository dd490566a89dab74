import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateLargestRemainder, mulDivFloor, mulDivRoundHalfUp } from './integer-math';

describe('mulDivFloor / mulDivRoundHalfUp', () => {
  test.each([
    { a: 1010, b: 500, c: 10_000, floor: 50, half: 51 }, // 50.5
    { a: 1111, b: 900, c: 10_000, floor: 99, half: 100 }, // 99.99
    { a: 2490, b: 10_000, c: 10_550, floor: 2360, half: 2360 }, // 2360.19
    { a: 2321, b: 10_000, c: 10_550, floor: 2200, half: 2200 }, // exactly 2200
    { a: 1, b: 1, c: 2, floor: 0, half: 1 }, // a half rounds up
  ])('$a × $b ÷ $c', ({ a, b, c, floor, half }) => {
    expect(mulDivFloor(a, b, c)).toBe(floor);
    expect(mulDivRoundHalfUp(a, b, c)).toBe(half);
  });

  test('stays exact where float arithmetic would not', () => {
    // 9 007 199 254 740 991 × 3 overflows 2^53; the quotient does not.
    expect(mulDivFloor(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  test('rejects non-integers and negatives instead of guessing', () => {
    expect(() => mulDivFloor(10.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivFloor(1, 1, 0)).toThrow(RangeError);
  });
});

describe('allocateLargestRemainder', () => {
  test.each([
    { total: 100, weights: [1, 1, 1], parts: [34, 33, 33] },
    { total: 490, weights: [1896, 1000], parts: [321, 169] },
    { total: 1, weights: [2000, 2000], parts: [1, 0] },
    { total: 1, weights: [1000, 3000], parts: [0, 1] },
    { total: 7, weights: [0, 0], parts: [4, 3] },
    { total: 10, weights: [0, 5], parts: [0, 10] },
    { total: 0, weights: [3, 4], parts: [0, 0] },
  ])('splits $total over $weights', ({ total, weights, parts }) => {
    expect(allocateLargestRemainder(total, weights)).toEqual(parts);
  });

  test('parts always sum to the total and stay within one cent of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 6 }),
        (total, weights) => {
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((acc, part) => acc + part, 0)).toBe(total);
          const weightSum = weights.reduce((acc, weight) => acc + weight, 0);
          parts.forEach((part, index) => {
            const weight = weightSum === 0 ? 1 : (weights[index] ?? 0);
            const divisor = weightSum === 0 ? weights.length : weightSum;
            // |part × Σw − total × w| < Σw, compared in integers.
            expect(Math.abs(part * divisor - total * weight)).toBeLessThan(divisor);
          });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
