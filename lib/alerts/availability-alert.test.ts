import { describe, expect, it } from 'vitest';
import { AVAILABILITY_STATES } from '@/lib/availability/availability-state';
import { hashAlertToken, isAlertTokenShape, newAlertToken } from './alert-token';
import { alertLinkActions, alertOutcomeOf, formatWaitingReaders, takesAlert } from './availability-alert';

describe('which books take an alert', () => {
  it.each([
    ['to_order', true],
    ['pre_order', true],
    ['reprinting', true],
    ['unavailable', true],
    ['in_stock', false],
    ['out_of_print', false],
  ] as const)('%s: %s', (state, expected) => {
    expect(takesAlert(state)).toBe(expected);
  });

  it('every state either takes an alert or ends one', () => {
    for (const state of AVAILABILITY_STATES) expect(takesAlert(state) !== (alertOutcomeOf(state) !== null)).toBe(true);
  });
});

it('counts the readers waiting in French', () => {
  expect(formatWaitingReaders(1)).toBe('1 lecteur en attente');
  expect(formatWaitingReaders(3)).toBe('3 lecteurs en attente');
});

describe('the alert’s link', () => {
  it('is 256 random bits, stored as its SHA-256 only', () => {
    const { token, hash } = newAlertToken();
    expect(isAlertTokenShape(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashAlertToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newAlertToken().token).not.toBe(token);
  });

  it('refuses any other shape before a lookup', () => {
    expect(isAlertTokenShape('abc')).toBe(false);
    expect(isAlertTokenShape(`${'a'.repeat(42)}=`)).toBe(false);
  });

  it('confirms a pending alert for 7 days, and cancels any alert', () => {
    const createdAt = new Date('2026-12-01T10:00:00Z');
    const pending = { status: 'pending' as const, createdAt };
    expect(alertLinkActions(pending, new Date('2026-12-08T09:59:59Z'))).toEqual({ confirm: true, cancel: true });
    expect(alertLinkActions(pending, new Date('2026-12-08T10:00:00Z'))).toEqual({ confirm: false, cancel: true });
    expect(alertLinkActions({ status: 'confirmed', createdAt }, createdAt)).toEqual({ confirm: false, cancel: true });
  });
});
