// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Prisma 7's generated client and the pg driver run in Node, not in the bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  typedRoutes: false,
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
