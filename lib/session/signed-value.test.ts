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

describe('secret rotation (newest secret first)', () => {
  const OLD = 'o'.repeat(32);
  const NEW = 'n'.repeat(40);
  const signedWithOld = signValue('cart-id', OLD);

  it('still accepts a value signed with the old secret while the old secret is listed', () => {
    expect(verifySignedValue(signedWithOld, [NEW, OLD])).toBe('cart-id');
  });
  it('refuses it once the old secret is removed from the list', () => {
    expect(verifySignedValue(signedWithOld, [NEW])).toBeNull();
    expect(verifySignedValue(signedWithOld, NEW)).toBeNull();
  });
  it('signs with the first secret only', () => {
    const token = signValue('cart-id', [NEW, OLD]);
    expect(token).toBe(signValue('cart-id', NEW));
    expect(verifySignedValue(token, [NEW])).toBe('cart-id');
    expect(verifySignedValue(token, [OLD])).toBeNull();
  });
  it('refuses a value edited after signing, whichever secret signed it', () => {
    for (const secret of [NEW, OLD]) {
      const forged = signValue('cart-id', secret).replace('cart-id', 'cart-ie');
      expect(verifySignedValue(forged, [NEW, OLD])).toBeNull();
    }
  });
});
