// A database ready for the benchmarks: migrations applied, the demo catalog loaded when empty.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/lib/embedded-postgres';
import { generatePrismaClientIfStale, ROOT } from '../../scripts/lib/project';
import { installJobQueues } from '../../scripts/lib/job-queues';
import { runPrisma } from '../../scripts/prisma';

export async function migrateAndSeedDemo(databaseUrl: string): Promise<void> {
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
  await installJobQueues(databaseUrl);
  await generatePrismaClientIfStale();
  const { createPrismaClient } = await import('../../lib/database/prisma-client');
  const { seedDemoCatalog } = await import('../../prisma/seed');
  const db = createPrismaClient(databaseUrl);
  try {
    if ((await db.book.count()) === 0) await seedDemoCatalog(db);
  } finally {
    await db.$disconnect();
  }
}

export type ScratchDatabase = { url: string; dataDir: string; remove(): Promise<void> };

/**
 * A separate embedded PostgreSQL for one benchmark, in its own folder under .data/bench and on
 * its own port, never the demo's or the e2e one's; `remove` stops it and deletes the folder (a
 * million books take a few GB).
 */
export async function startScratchDatabase(name: string, port: number): Promise<ScratchDatabase> {
  const dataDir = path.join(ROOT, '.data/bench', name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, port, database: 'librairie_bench' });
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: server.url, dataDir, remove };
}
