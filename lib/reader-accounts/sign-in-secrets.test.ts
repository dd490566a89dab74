import { describe, expect, it } from 'vitest';
import {
  hashSignInCode,
  hashSignInToken,
  isSignInCodeShape,
  isSignInTokenShape,
  newSignInCode,
  newSignInToken,
  normalizeEmail,
  signInLinkExpiry,
} from './sign-in-secrets';
import { readerSessionIsLive } from './session-policy';
import { addressKey, historyStatusLabel, savedAddressOf } from './saved-address';

describe('sign-in secrets', () => {
  it('a token is 43 base64url characters, new each time, stored as its SHA-256', () => {
    const token = newSignInToken();
    expect(isSignInTokenShape(token)).toBe(true);
    expect(newSignInToken()).not.toBe(token);
    expect(hashSignInToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(isSignInTokenShape(`${token}x`)).toBe(false);
    expect(isSignInTokenShape(undefined)).toBe(false);
  });

  it('a code is 6 digits, leading zeros kept', () => {
    const codes = Array.from({ length: 2000 }, newSignInCode);
    expect(codes.every(isSignInCodeShape)).toBe(true);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
    expect(isSignInCodeShape('12345')).toBe(false);
    expect(isSignInCodeShape('12345a')).toBe(false);
  });

  it('a code’s hash depends on the secret and on the address: the same code for another address does not match', () => {
    const secret = 'a'.repeat(32);
    const hash = hashSignInCode(secret, 'a@exemple.fr', '042917');
    expect(hashSignInCode(secret, 'a@exemple.fr', '042917')).toBe(hash);
    expect(hashSignInCode(secret, 'b@exemple.fr', '042917')).not.toBe(hash);
    expect(hashSignInCode('b'.repeat(32), 'a@exemple.fr', '042917')).not.toBe(hash);
  });

  it('lasts 15 minutes; addresses are compared lower-case', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(signInLinkExpiry(now).toISOString()).toBe('2026-12-07T10:15:00.000Z');
    expect(normalizeEmail('  Marie.Curie@Exemple.FR ')).toBe('marie.curie@exemple.fr');
  });
});

describe('a reader’s session', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const day = 24 * 3600_000;
  it.each([
    ['seen yesterday, expiring next week', now.getTime() - day, now.getTime() + 7 * day, true],
    ['idle for 15 days', now.getTime() - 15 * day, now.getTime() + 7 * day, false],
    ['past its absolute expiry', now.getTime() - 60_000, now.getTime() - 1, false],
  ])('%s → live: %s', (_name, seen, expires, live) => {
    expect(readerSessionIsLive({ lastSeenAt: new Date(seen), expiresAt: new Date(expires) }, now)).toBe(live);
  });
});

describe('saved addresses', () => {
  const address = {
    fullName: 'Camille Martin',
    phone: '0612345678',
    addressLine1: '12 rue Soufflot',
    addressLine2: null,
    postalCode: '75005',
    city: 'Paris',
  };
  it('one key per address, whatever the spaces and the case; another street, another key', () => {
    expect(addressKey({ ...address, addressLine1: ' 12  Rue SOUFFLOT ' })).toBe(addressKey(address));
    expect(addressKey({ ...address, addressLine1: '14 rue Soufflot' })).not.toBe(addressKey(address));
    expect(addressKey({ ...address, addressLine2: '' })).toBe(addressKey(address));
  });

  it('an order’s delivery address, none for a pickup', () => {
    expect(savedAddressOf({ ...address, phone: '', addressLine2: null })).toEqual({ ...address, phone: null });
    expect(savedAddressOf({ ...address, addressLine1: null, postalCode: null, city: null })).toBeNull();
  });

  it('statuses in French, capitalised', () => {
    expect(historyStatusLabel('paid')).toBe('Payée');
    expect(historyStatusLabel('refunded')).toBe('Remboursée');
  });
});
