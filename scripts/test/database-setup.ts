// Vitest global setup for integration tests: a real PostgreSQL with the migrations applied
// and the demo catalog loaded. Uses TEST_DATABASE_URL's server when given (it creates a
// fresh database there), else starts an embedded server in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { installJobQueues } from '../lib/job-queues';
import { generatePrismaClientIfStale } from '../lib/project';
import { runPrisma } from '../prisma';
import { createDatabase, dropDatabase, freePort } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Database with the migrations applied and the demo catalog loaded. */
    databaseUrl: string;
    /** Maintenance database of the same server, to create more databases. */
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  await generatePrismaClientIfStale();
  let adminUrl = process.env.TEST_DATABASE_URL;
  let teardownServer = async () => {};
  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    adminUrl = server.url;
    teardownServer = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const database = `librairie_test_${process.pid}`;
  const databaseUrl = await createDatabase(adminUrl, database);
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
  await installJobQueues(databaseUrl);
  // Loaded after generatePrismaClientIfStale: the client is generated, git-ignored code.
  const { createPrismaClient } = await import('../../lib/database/prisma-client');
  const { seedDemoCatalog } = await import('../../prisma/seed');
  const db = createPrismaClient(databaseUrl);
  await seedDemoCatalog(db);
  await db.$disconnect();

  project.provide('databaseUrl', databaseUrl);
  project.provide('adminUrl', adminUrl);

  return async () => {
    await dropDatabase(adminUrl, database);
    await teardownServer();
  };
}
