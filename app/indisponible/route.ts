import { RETRY_AFTER_SECONDS } from '@/lib/database/errors';
import { unavailablePage } from '@/lib/http/unavailable-page';

export const dynamic = 'force-dynamic';

/** The shop's French 503 page, served without the database (pages redirect here when it is down). */
export function GET(request: Request): Response {
  const retour = new URL(request.url).searchParams.get('retour');
  const { html, styleHash } = unavailablePage(retour);
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; style-src '${styleHash}'; frame-ancestors 'none'; base-uri 'none'`,
    },
  });
}
