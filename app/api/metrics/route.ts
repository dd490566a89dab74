import { getCurrentStaff } from '@/lib/auth/require-staff';
import { readShopGauges } from '@/lib/data/watch/shop-gauges';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/observability/logger';
import { renderMetrics, setShopGauges } from '@/lib/observability/metrics';
import { bearerTokenMatches } from '@/lib/observability/metrics-token';
import { hasRole } from '@/lib/staff/roles';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The app instance's metrics in Prometheus' text format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format), for a scraper
 * with `Authorization: Bearer <METRICS_TOKEN>` or a signed-in admin; 401 for anyone else (403 for
 * staff without the role). Never stored by a cache. The worker serves its own
 * (scripts/lib/worker-metrics.ts).
 */
export async function GET(request: Request): Promise<Response> {
  if (!bearerTokenMatches(request.headers.get('authorization'), getEnv().METRICS_TOKEN)) {
    const staff = await getCurrentStaff();
    if (!staff) {
      return new Response('Authentification requise.\n', {
        status: 401,
        headers: {
          ...NO_STORE,
          'WWW-Authenticate': 'Bearer realm="metrics"',
          'Content-Type': 'text/plain; charset=utf-8',
        },
      });
    }
    if (!hasRole(staff.role, 'admin')) {
      return new Response('Réservé aux administrateurs.\n', {
        status: 403,
        headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
  }
  try {
    setShopGauges(await readShopGauges());
  } catch (error) {
    // The process's own figures still tell what is wrong; the database's keep their last values.
    logger.warn({ err: error }, 'metrics: the database gauges were not read');
  }
  const { text, contentType } = await renderMetrics();
  return new Response(text, { headers: { ...NO_STORE, 'Content-Type': contentType } });
}
