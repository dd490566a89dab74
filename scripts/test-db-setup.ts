// Vitest global setup for integration tests: a real PostgreSQL with the migrations applied
// and the demo catalog loaded. Uses TEST_DATABASE_URL's server when given (it creates a
// fresh database there), else starts an embedded server in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { generatePrismaClientIfStale } from './lib/project';
import { runPrisma } from './prisma';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Database with the migrations applied and the demo catalog loaded. */
    databaseUrl: string;
    /** Maintenance database of the same server, to create more databases. */
    adminUrl: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
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
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const databaseUrl = withDatabase(adminUrl, database);
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
  // Loaded after generatePrismaClientIfStale: the client is generated, git-ignored code.
  const { createPrismaClient } = await import('../lib/prisma-client');
  const { seedDemoCatalog } = await import('../prisma/seed');
  const db = createPrismaClient(databaseUrl);
  await seedDemoCatalog(db);
  await db.$disconnect();

  project.provide('databaseUrl', databaseUrl);
  project.provide('adminUrl', adminUrl);

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
    await teardownServer();
  };
}
