// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Prisma 7's generated client and the pg driver run in Node, not in the bundle; so do the
  // logger and the metrics, which scripts/serve.ts loads too (one copy of each in the process:
  // lib/observability/).
  // @e-invoice-eu/core (Factur-X, UBL) loads its own translations and schemas at run time.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'pino', 'prom-client', '@e-invoice-eu/core'],
  typedRoutes: false,
  // Covers (components/catalog/book-cover.tsx) are resized and turned into WebP by Next's image
  // optimizer with sharp (a dependency: its prebuilt @img/sharp-linux-x64 needs no install script),
  // and cached on disk in .next/cache/images. Only the shop's own covers (the demo's in public/covers,
  // the uploaded ones served by app/couvertures) may be optimized,
  // at a few widths: a request for another file or width is refused rather than computed.
  images: {
    localPatterns: [
      { pathname: '/covers/**', search: '' },
      { pathname: '/couvertures/**', search: '' },
    ],
    imageSizes: [96, 128, 192, 256],
    deviceSizes: [384, 640, 828],
    formats: ['image/webp'],
  },
  experimental: {
    // forbidden() and unauthorized(): the back office answers 401/403 to a refused Server Action
    // or page (lib/auth/require-staff.ts), with app/forbidden.tsx and app/unauthorized.tsx.
    authInterrupts: true,
  },
  // The headers that do not depend on the request, also on Next's static files. The others
  // (CSP with a fresh nonce, HSTS over https) are set per response by proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
