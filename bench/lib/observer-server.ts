// A bare node:http server answering every request with the same 20 kB page from memory, wrapped
// (OBSERVABILITY=on) or not (off) in scripts/serve.ts's request observer: a request id and its
// context, one access-log line, one histogram sample. bench/observability.ts loads it to measure
// what the observer alone costs per request, with nothing else to hide it. Its log lines go to
// stdout, which the benchmark sends to a file, as to a log collector.
// Usage: tsx bench/lib/observer-server.ts <port>
import http from 'node:http';
import { createRequestObserver } from '../../scripts/lib/request-observer';
import { readObservabilitySettings } from '../../lib/observability/settings';

const port = Number(process.argv[2]);
const page = Buffer.from(`<!doctype html><html lang="fr"><body>${'<p>Librairie</p>'.repeat(1_250)}</body></html>`);
const observe = createRequestObserver({
  enabled: readObservabilitySettings().OBSERVABILITY === 'on',
  trustedProxies: 0,
  routeOf: () => '/livre/[ean]',
});
const server = http.createServer((request, response) =>
  observe(request, response, () => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length });
    response.end(page);
  }),
);
server.listen(port, '127.0.0.1', () => process.stderr.write('ready\n'));
