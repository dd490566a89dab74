// Databases for the benchmarks: BENCH_DATABASE_<size>=<url> reuses one already filled (for
// instance by `npm run bench:seed`), else a scratch embedded database is filled and removed.
import { fillSyntheticCatalog } from './fill-catalog';
import { migrateAndSeedDemo, startScratchDatabase } from './prepare-database';

export const DEMO_BOOKS = 76;

export async function withCatalog<T>(size: number, port: number, measure: (url: string) => Promise<T>): Promise<T> {
  const given = process.env[`BENCH_DATABASE_${size}`];
  if (given) return measure(given);
  const database = await startScratchDatabase(`catalog-${size}`, port);
  try {
    await migrateAndSeedDemo(database.url);
    const synthetic = Math.max(0, size - DEMO_BOOKS);
    if (synthetic > 0) {
      console.log(`Remplissage : ${synthetic.toLocaleString('fr-FR')} livres…`);
      await fillSyntheticCatalog(database.url, synthetic);
    }
    return await measure(database.url);
  } finally {
    await database.remove();
  }
}

export const sizesFrom = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map((s) => Number(s.trim())) : fallback;
