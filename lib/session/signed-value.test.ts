import { describe, expect, it } from 'vitest';
import { signValue, verifySignedValue } from './signed-value';

const SECRET = 'x'.repeat(32);

describe('signed values', () => {
  it('round-trips', () => {
    expect(verifySignedValue(signValue('2b1c…id', SECRET), SECRET)).toBe('2b1c…id');
  });
  it.each([
    ['tampered value', signValue('abc', SECRET).replace('abc', 'abd')],
    ['tampered signature', `${signValue('abc', SECRET)}x`],
    ['other secret', signValue('abc', 'y'.repeat(32))],
    ['no signature', 'abc'],
    ['empty', ''],
    ['huge', 'a'.repeat(5000)],
  ])('rejects a %s', (_name, token) => {
    expect(verifySignedValue(token, SECRET)).toBeNull();
  });
  it('rejects undefined', () => {
    expect(verifySignedValue(undefined, SECRET)).toBeNull();
  });
});
