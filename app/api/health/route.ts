import { isDatabaseReachable } from '@/lib/data/platform/health';

export const dynamic = 'force-dynamic';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  const database = await isDatabaseReachable();
  return Response.json(
    { status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down' },
    { status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
