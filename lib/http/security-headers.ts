// The shop's security headers. Pure: proxy.ts gives the nonce and the facts of the running
// shop. Sources: https://nextjs.org/docs/app/guides/content-security-policy (nonces through
// Proxy), OWASP Secure Headers Project, MDN for each directive.

export type CspContext = {
  /** Fresh for every response: Next puts it on its own inline scripts. */
  nonce: string;
  /** `next dev` needs eval for React's debugging helpers. */
  development: boolean;
  /** Where the reader goes to pay: a form's redirect there is governed by form-action. */
  paymentOrigins: string[];
  https: boolean;
};

export function contentSecurityPolicy({ nonce, development, paymentOrigins, https }: CspContext): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a trusted script are trusted (Next's chunks).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // next dev's overlay and hot reload inject inline styles (a nonce would disable 'unsafe-inline').
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${paymentOrigins.join(' ')}`.trim(),
    // Nobody may frame the shop (clickjacking of "Commander", "Payer").
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers every response carries, whatever the route. */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // No feature the shop uses; payment happens on Stripe's page, not through the Payment Request API here.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    // Only over https (a browser ignores it on http): two years, as hstspreload.org asks.
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** The origins of the payment pages: Stripe's, or the local emulator's (both its addresses). */
export function paymentOrigins(stripeEmulatorUrl: string | undefined): string[] {
  if (!stripeEmulatorUrl) return ['https://checkout.stripe.com'];
  const url = new URL(stripeEmulatorUrl);
  const origins = new Set([url.origin, `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}`]);
  return [...origins];
}
