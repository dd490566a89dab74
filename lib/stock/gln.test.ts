import { describe, expect, it } from 'vitest';
import { isValidGln } from './gln';

describe('isValidGln', () => {
  it.each(['3012345000017', '3019000000016'])('%s is valid', (gln) => expect(isValidGln(gln)).toBe(true));
  it.each(['3012345000010', '301234500001', 'abcdefghijklm', ''])('%j is not', (gln) =>
    expect(isValidGln(gln)).toBe(false),
  );
});
