import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, paymentOrigins, staticSecurityHeaders } from './security-headers';

describe('contentSecurityPolicy', () => {
  const base = { nonce: 'abc123', development: false, paymentOrigins: ['https://checkout.stripe.com'], https: true };
  it('allows only the nonce for scripts and forbids framing', () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://checkout.stripe.com");
    expect(csp).toContain('upgrade-insecure-requests');
  });
  it('lets next dev evaluate code, and does not upgrade http', () => {
    const csp = contentSecurityPolicy({ ...base, development: true, https: false });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('staticSecurityHeaders', () => {
  it('sends HSTS only over https', () => {
    expect(staticSecurityHeaders(true)['Strict-Transport-Security']).toMatch(/max-age=63072000/);
    expect(staticSecurityHeaders(false)).not.toHaveProperty('Strict-Transport-Security');
    expect(staticSecurityHeaders(false)).toMatchObject({ 'Cross-Origin-Opener-Policy': 'same-origin' });
  });
});

describe('paymentOrigins', () => {
  it('is Stripe in production, the emulator under both its names otherwise', () => {
    expect(paymentOrigins(undefined)).toEqual(['https://checkout.stripe.com']);
    expect(paymentOrigins('http://127.0.0.1:12111')).toEqual(['http://127.0.0.1:12111', 'http://localhost:12111']);
  });
});
