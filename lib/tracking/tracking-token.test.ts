import { describe, expect, it } from 'vitest';
import { hashTrackingToken, isTrackingTokenShape, newTrackingToken, trackingTokenExpiry } from './tracking-token';

describe('tracking tokens', () => {
  it('carry 256 random bits in 43 URL-safe characters, and only their SHA-256 is kept', () => {
    const { token, hash } = newTrackingToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashTrackingToken(token));
    expect(hash).not.toContain(token);
  });

  it('are never the same twice', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newTrackingToken().token));
    expect(tokens.size).toBe(1000);
  });

  it.each([
    '',
    'abc',
    'x'.repeat(42),
    'x'.repeat(44),
    `${'x'.repeat(42)}=`,
    `${'x'.repeat(42)}/`,
    `${'x'.repeat(42)}\u0000`,
  ])('refuses the shape %j before any lookup', (value) => {
    expect(isTrackingTokenShape(value)).toBe(false);
  });

  it('expire 90 days after the e-mail that carried them', () => {
    expect(trackingTokenExpiry(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe('2027-03-01T10:00:00.000Z');
  });
});
