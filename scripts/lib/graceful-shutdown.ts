// How scripts/serve.ts stops on SIGTERM or SIGINT (a deployment, `npm start`'s Ctrl-C):
// 1. at once the instance is marked draining: /api/ready answers 503 (a load balancer stops
//    sending it requests), /api/health still 200 (it is alive: not to be restarted); idle
//    keep-alive connections are closed and every answer from now on says `Connection: close`;
// 2. requests still arriving are answered while some are in flight: a load balancer notices a
//    failed readiness or a removed endpoint only after a moment, and an answered request beats a
//    refused connection (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination);
// 3. when none is left in flight, the listener closes, Next closes, the process exits 0;
// 4. after SHUTDOWN_TIMEOUT_SECONDS it exits all the same, 1, logging how many were cut short.
import type http from 'node:http';
import { logger } from '../../lib/observability/logger';
import { isDraining, markDraining } from '../../lib/observability/lifecycle';

export type Shutdown = {
  /** Counts the request until its response closes; during the drain, asks the client to close. */
  track(request: http.IncomingMessage, response: http.ServerResponse): void;
};

export function gracefulShutdown(
  server: http.Server,
  { timeoutMs, close }: { timeoutMs: number; close: () => Promise<void> },
): Shutdown {
  let inFlight = 0;
  let finishing = false;

  const finish = async (code: number) => {
    if (finishing) return;
    finishing = true;
    server.close();
    server.closeAllConnections();
    await close().catch((error: unknown) => logger.error({ err: error }, 'shutdown: Next did not close'));
    logger.info({ exitCode: code }, 'stopped');
    process.exit(code);
  };

  const drain = (signal: NodeJS.Signals) => {
    if (isDraining()) return;
    markDraining();
    logger.info(
      { signal, inFlight, timeoutSeconds: timeoutMs / 1000 },
      'shutting down: finishing the requests in flight',
    );
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn({ inFlight }, 'shutdown: time is up, requests in flight cut short');
      void finish(1);
    }, timeoutMs).unref();
    if (inFlight === 0) void finish(0);
  };
  process.on('SIGTERM', drain);
  process.on('SIGINT', drain);

  return {
    track(_request, response) {
      inFlight += 1;
      if (isDraining()) response.setHeader('Connection', 'close');
      response.once('close', () => {
        inFlight -= 1;
        if (isDraining() && inFlight === 0) void finish(0);
      });
    },
  };
}
