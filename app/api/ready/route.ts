import { checkReadiness, expectedMigrations } from '@/lib/data/platform/health';
import { isDraining } from '@/lib/observability/lifecycle';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for a load balancer deciding where to send requests: 200 when the database answers,
 * every migration of this build is applied and the instance is not stopping; else 503 with what
 * is not ready. /api/health stays the liveness answer (restart the process only when it fails).
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
export async function GET(): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  if (isDraining()) {
    return Response.json({ status: 'not_ready', reasons: ['draining'] }, { status: 503, headers });
  }
  const { database, pendingMigrations } = await checkReadiness(expectedMigrations());
  const reasons = [
    ...(database === 'down' ? ['database'] : []),
    ...(pendingMigrations.length > 0 ? ['migrations'] : []),
  ];
  return Response.json(
    { status: reasons.length === 0 ? 'ready' : 'not_ready', reasons, database, pendingMigrations },
    { status: reasons.length === 0 ? 200 : 503, headers },
  );
}
