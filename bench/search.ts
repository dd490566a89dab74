// `npm run bench:search`: the app's search (lib/data/storefront/search.ts: ISBN, full text, typo
// correction, facets, the page of cards) on 30 queries, p50/p95 at 100,000 and 1,000,000
// titles (BENCH_SIZES), against a naive ILIKE '%…%' scan measured in the same run.
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../scripts/lib/project';
import { percentile } from './lib/percentile';
import { sizesFrom, withCatalog } from './lib/scratch-catalog';

type Measure = {
  app: number[];
  naive: number[];
  results: {
    q: string;
    ms: number;
    total: number;
    first: string | null;
    expected?: string;
    corrected: string | null;
  }[];
};

async function measure(url: string): Promise<Measure> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'bench/lib/measure-search.ts'), url],
    { cwd: ROOT, maxBuffer: 50 * 1024 * 1024, timeout: 3_600_000 },
  );
  // The shop's JSON logs share the child's stdout: its figures are the line it prints last.
  const line = stdout
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('{"app":'));
  if (!line) throw new Error(`measure-search printed no figures:\n${stdout.slice(-2000)}`);
  return JSON.parse(line) as Measure;
}

async function main() {
  const sizes = sizesFrom(process.env.BENCH_SIZES, [100_000, 1_000_000]);
  const lines: string[] = [];
  let port = Number(process.env.BENCH_DB_PORT ?? 24462);
  for (const size of sizes) {
    const m = await withCatalog(size, port++, measure);
    const p = (values: number[], q: number) => percentile(values, q).toFixed(1);
    lines.push(
      `${size.toLocaleString('fr-FR').padStart(10)} titres   app p50 ${p(m.app, 50).padStart(7)} ms  p95 ${p(m.app, 95).padStart(7)} ms` +
        `   naïf p50 ${p(m.naive, 50).padStart(8)} ms  p95 ${p(m.naive, 95).padStart(8)} ms` +
        `   naïf/app p95 ×${(percentile(m.naive, 95) / percentile(m.app, 95)).toFixed(1)}`,
    );
    console.log(`\n${size.toLocaleString('fr-FR')} titres — première mesure de chaque requête :`);
    for (const r of m.results) {
      const check = r.expected ? (r.first === r.expected ? ' ✓ bon livre en tête' : ` ✗ attendu ${r.expected}`) : '';
      console.log(
        `  ${r.q.padEnd(40)} ${r.ms.toFixed(1).padStart(7)} ms  ${String(r.total).padStart(8)} résultats` +
          `${r.corrected ? ` (corrigé : ${r.corrected})` : ''}${check}`,
      );
    }
  }
  console.log(
    `\nRecherche — ${new Date().toISOString()}, charge ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
