// The tables bench/holds.ts prints: speed against the run's baseline, outcomes and oversold
// copies, and where the workers' database sessions spent the burst.
import os from 'node:os';
import type { ScenarioResult } from './hold-scenarios';
import { SESSION_STATES } from './session-sampler';
import { percentile } from './percentile';

/** Nearest-rank percentile of sorted values. */
/** Left-aligned first column, right-aligned figures. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function report(results: ScenarioResult[]): string {
  const holdsPerSecond = (result: ScenarioResult) => result.buyers / (result.wallMs / 1000);
  const baseline = results[0] ? holdsPerSecond(results[0]) : Number.NaN;
  const speed = table(
    [
      'scenario',
      'processes × in flight',
      'buyers',
      'wall s',
      'holds/s',
      '× baseline',
      'p50 ms',
      'p95 ms',
      'max ms',
      'app CPU ms/order',
    ],
    results.map((result) => {
      const inFlight = result.scenario.mode === 'sequential' ? 1 : Math.ceil(result.buyers / result.scenario.processes);
      return [
        result.scenario.name,
        `${result.scenario.processes} × ${inFlight}`,
        String(result.buyers),
        (result.wallMs / 1000).toFixed(2),
        holdsPerSecond(result).toFixed(0),
        (holdsPerSecond(result) / baseline).toFixed(2),
        percentile(result.latenciesMs, 50).toFixed(1),
        percentile(result.latenciesMs, 95).toFixed(1),
        percentile(result.latenciesMs, 100).toFixed(1),
        (result.appCpuMs / result.buyers).toFixed(1),
      ];
    }),
  );
  const outcome = table(
    [
      'scenario',
      'copies',
      'accepted',
      'from stock',
      'backorder',
      'refused',
      'busy',
      'oversold (counter)',
      'oversold (holds)',
      'invariants',
    ],
    results.map((result) => [
      result.scenario.name,
      String(result.scenario.books.reduce((sum, book) => sum + book.onHand, 0)),
      String(result.accepted),
      String(result.fromStock),
      String(result.backorder),
      String(result.refused),
      String(result.busy),
      String(result.oversoldCounter),
      String(result.oversoldHolds),
      result.broken.length === 0 ? 'ok' : `${result.broken.length} broken`,
    ]),
  );
  const sessions = table(
    ['scenario', ...SESSION_STATES.map((state) => `${state} %`)],
    results.map((result) => [
      result.scenario.name,
      ...SESSION_STATES.map((state) => ((result.sessions.get(state) ?? 0) * 100).toFixed(0)),
    ]),
  );
  const cpus = os.cpus();
  return [
    speed,
    '',
    outcome,
    '',
    "Where the workers' database sessions spent the burst (pg_stat_activity, sampled every 100 ms):",
    sessions,
    '',
    'holds/s: buyers answered (held, backordered or refused) per second, from "go" to the last answer;',
    '× baseline: against scenario 1 of this run. Latency: one placeOrder call, waiting for a pooled',
    'connection and for the stock row lock included. app CPU: user + system time of the worker processes.',
    'busy: refused with BUSY (waited too long for the lock).',
    'oversold (counter) = Σ max(0, StockLevel.held − onHand); oversold (holds) = Σ max(0, active holds − onHand).',
    'Sessions: "app (in tx)" = transaction open, PostgreSQL waiting for the Node process; "row lock" = queued on a',
    'StockLevel row; "idle in pool" = pooled connection with no transaction.',
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, embedded PostgreSQL 18.`,
  ].join('\n');
}
