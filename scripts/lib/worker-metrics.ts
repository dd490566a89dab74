// The worker's metrics (its e-mails, the payments its reconciliation applied, the holds its purge
// expired, its pool): a process of its own, so a registry of its own, served on
// WORKER_METRICS_PORT at /metrics, on 127.0.0.1 unless WORKER_METRICS_HOST says otherwise. Read
// with `Authorization: Bearer <METRICS_TOKEN>` only: without METRICS_TOKEN nobody can (401).
import http from 'node:http';
import { logger } from '../../lib/observability/logger';
import { renderMetrics } from '../../lib/observability/metrics';
import { bearerTokenMatches } from '../../lib/observability/metrics-token';

export function metricsRequestListener(token: string | undefined): http.RequestListener {
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (!bearerTokenMatches(request.headers.authorization, token)) {
      response
        .writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Unauthorized\n');
      return;
    }
    renderMetrics().then(
      ({ text, contentType }) => {
        response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'worker metrics: not rendered');
        response.writeHead(500).end();
      },
    );
  };
}

export async function serveWorkerMetrics(options: {
  port: number;
  host: string;
  token: string | undefined;
}): Promise<http.Server> {
  const server = http.createServer(metricsRequestListener(options.token));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  if (!options.token) logger.warn('worker metrics served, but no METRICS_TOKEN: every request is refused (401)');
  logger.info({ port: options.port, host: options.host }, 'worker metrics at /metrics');
  return server;
}
