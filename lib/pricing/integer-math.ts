// Integer helpers for money. Every amount in and out is a non-negative safe integer
// (cents, basis points, quantities). Intermediate products go through BigInt so that
// `amount × rate` can never lose precision, whatever the order size; nothing BigInt
// leaves this file. Each function names its rounding rule.

function assertNonNegativeSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
}

function toSafeNumber(value: bigint, name: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${name} overflowed: ${value}`);
  return result;
}

/** ⌊a × b ÷ c⌋: rounds toward zero. Used for discounts, so a discount never exceeds its rate. */
export function mulDivFloor(a: number, b: number, c: number): number {
  assertNonNegativeSafeInteger(a, 'a');
  assertNonNegativeSafeInteger(b, 'b');
  assertNonNegativeSafeInteger(c, 'c');
  if (c === 0) throw new RangeError('division by zero');
  return toSafeNumber((BigInt(a) * BigInt(b)) / BigInt(c), 'mulDivFloor');
}

/** a × b ÷ c rounded to the nearest integer, halves up (0,5 cent → 1 cent). */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  assertNonNegativeSafeInteger(a, 'a');
  assertNonNegativeSafeInteger(b, 'b');
  assertNonNegativeSafeInteger(c, 'c');
  if (c === 0) throw new RangeError('division by zero');
  const divisor = BigInt(c);
  // ⌊(2ab + c) ÷ 2c⌋ = round-half-up of ab ÷ c, for non-negative integers.
  return toSafeNumber((2n * BigInt(a) * BigInt(b) + divisor) / (2n * divisor), 'mulDivRoundHalfUp');
}

/**
 * Splits `total` into parts proportional to `weights` that always sum exactly to `total`
 * (largest-remainder method, a.k.a. Hamilton): every part first gets ⌊total × w ÷ Σw⌋, then
 * the cents left over go one each to the largest remainders; ties go to the earlier index.
 * If every weight is zero the total is split as evenly as possible.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  assertNonNegativeSafeInteger(total, 'total');
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError('cannot allocate a non-zero total without weights');
  }
  weights.forEach((weight, index) => assertNonNegativeSafeInteger(weight, `weights[${index}]`));

  const sum = weights.reduce((acc, weight) => acc + BigInt(weight), 0n);
  const effective = sum === 0n ? weights.map(() => 1n) : weights.map((weight) => BigInt(weight));
  const divisor = sum === 0n ? BigInt(weights.length) : sum;
  const bigTotal = BigInt(total);

  const shares = effective.map((weight, index) => ({
    index,
    floor: (bigTotal * weight) / divisor,
    remainder: (bigTotal * weight) % divisor,
  }));
  let leftover = bigTotal - shares.reduce((acc, share) => acc + share.floor, 0n);

  const byRemainder = [...shares].sort((x, y) =>
    x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1,
  );
  const parts = shares.map((share) => share.floor);
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    parts[share.index] = share.floor + 1n;
    leftover -= 1n;
  }
  return parts.map((part) => toSafeNumber(part, 'allocateLargestRemainder'));
}
