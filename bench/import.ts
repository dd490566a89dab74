// `npm run bench:import`: import throughput (products/s) and peak memory (RSS) of the ONIX
// import on a 100,000-product feed (BENCH_IMPORT_PRODUCTS), against a 10,000-product feed in
// the same run (flat memory: the same peak whatever the size), then the same big file again
// (every record unchanged), and as many block updates (NotificationType 04, ProductSupply only: a
// distributor's daily price and availability feed) as the small feed has products, against the
// same reference. On its own embedded database, removed at the end.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importOnixFile } from '../lib/data/catalog/onix-import';
import { createPrismaClient } from '../lib/database/prisma-client';
import { writeBlockUpdateFeed, writeOnixFeed } from './lib/onix-feed';
import { migrateAndSeedDemo, startScratchDatabase } from './lib/prepare-database';

const BIG = Number(process.env.BENCH_IMPORT_PRODUCTS ?? 100_000);
const SMALL = Number(process.env.BENCH_IMPORT_SMALL ?? Math.max(1_000, Math.round(BIG / 10)));

async function measure(db: ReturnType<typeof createPrismaClient>, file: string) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const report = await importOnixFile(db, file, { fileName: path.basename(file) });
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { report, peakMb: peak / 1e6, growthMb: (peak - before) / 1e6 };
}

async function main() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'librairie-bench-import-'));
  const database = await startScratchDatabase('import', Number(process.env.BENCH_DB_PORT ?? 24461));
  try {
    await migrateAndSeedDemo(database.url);
    const small = path.join(folder, 'small.xml');
    const big = path.join(folder, 'big.xml');
    await writeOnixFeed(small, SMALL, 60_000_000);
    await writeOnixFeed(big, BIG, 70_000_000);
    const updates = path.join(folder, 'updates.xml');
    await writeBlockUpdateFeed(updates, SMALL, 60_000_000);
    const db = createPrismaClient(database.url);
    const rows: string[][] = [];
    const runs: [string, string][] = [
      [`${SMALL.toLocaleString('fr-FR')} produits (référence)`, small],
      [`${BIG.toLocaleString('fr-FR')} produits`, big],
      [`${BIG.toLocaleString('fr-FR')} produits, réimport`, big],
      [`${SMALL.toLocaleString('fr-FR')} mises à jour de bloc`, updates],
    ];
    let baseline: { rate: number; peak: number } | null = null;
    for (const [label, file] of runs) {
      const { report, peakMb, growthMb } = await measure(db, file);
      const rate = report.counts.products / report.seconds;
      baseline ??= { rate, peak: peakMb };
      rows.push([
        label,
        `${(statSync(file).size / 1e6).toFixed(0)} Mo`,
        report.seconds.toFixed(0),
        rate.toFixed(0),
        (rate / baseline.rate).toFixed(2),
        peakMb.toFixed(0),
        growthMb.toFixed(0),
        (peakMb / baseline.peak).toFixed(2),
        `${report.counts.created}/${report.counts.updated}/${report.counts.unchanged}/${report.counts.rejected}`,
      ]);
    }
    await db.$disconnect();
    const header = [
      'run',
      'file',
      's',
      'products/s',
      '× ref',
      'peak RSS MB',
      'RSS growth MB',
      '× ref',
      'created/updated/unchanged/rejected',
    ];
    console.log(
      `\nONIX import — ${new Date().toISOString()}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    for (const row of [header, ...rows])
      console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(32) : cell.padStart(12))).join(' '));
  } finally {
    await database.remove();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
