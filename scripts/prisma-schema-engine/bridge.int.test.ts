// The Prisma CLI driving the WebAssembly schema engine bridge against a real PostgreSQL:
// the migrate commands the project relies on, on a database of its own.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { PrismaCommandError, runPrisma } from '../prisma';
import { createDatabase, dropDatabase, freePort, runStatement as query } from '../test/database';

const SCHEMA = 'prisma/schema.prisma';
const MIGRATIONS = 'prisma/migrations';

describe('Prisma migrate through the WebAssembly schema engine bridge', () => {
  const database = `bridge_test_${process.pid}_${Date.now()}`;
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bridge-test-'));
  let adminUrl: string;
  let env: Record<string, string>;
  let stopServer = async () => {};

  beforeAll(async () => {
    // The integration setup provides a server (TEST_DATABASE_URL or its own embedded one);
    // without it, this test starts its own.
    const providedUrl = process.env.TEST_DATABASE_URL ?? inject('adminUrl');
    if (providedUrl) {
      adminUrl = providedUrl;
    } else {
      // A directory of its own: startEmbeddedPostgres hands it to the `postgres` user when run as root.
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bridge-test-pg-'));
      const server = await startEmbeddedPostgres({
        dataDir,
        port: await freePort(),
        database: 'postgres',
      });
      adminUrl = server.url;
      stopServer = async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      };
    }
    env = { DATABASE_URL: await createDatabase(adminUrl, database) };
  });

  afterAll(async () => {
    if (adminUrl) await dropDatabase(adminUrl, database);
    await stopServer();
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('migrate deploy applies the migrations to an empty database', async () => {
    await runPrisma(['migrate', 'deploy'], env);

    const tables = await query<{ table_name: string }>(
      env.DATABASE_URL!,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['Book', 'Contributor', 'StockMovement', '_prisma_migrations']),
    );
    const applied = await query<{ migration_name: string; finished_at: Date | null }>(
      env.DATABASE_URL!,
      `SELECT migration_name, finished_at FROM _prisma_migrations`,
    );
    const migrationFolders = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(applied.map((m) => m.migration_name).sort()).toEqual(migrationFolders.map((entry) => entry.name).sort());
    expect(applied.filter((m) => m.finished_at === null)).toEqual([]);
    // Typo correction relies on pg_trgm and its GIN index on the words of the catalog.
    const trigramIndexes = await query<{ indexdef: string }>(
      env.DATABASE_URL!,
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'SearchWord' AND indexdef LIKE '%gin_trgm_ops%'`,
    );
    expect(trigramIndexes).toHaveLength(1);
  });

  it('migrate status reports the database up to date', async () => {
    await expect(runPrisma(['migrate', 'status'], env)).resolves.toBeUndefined();
  });

  it('migrate diff finds no drift between the migrated database and the schema', async () => {
    await expect(
      runPrisma(['migrate', 'diff', '--from-config-datasource', '--to-schema', SCHEMA, '--exit-code'], env),
    ).resolves.toBeUndefined();
  });

  it('migrate diff replays the migrations in a shadow database, then drops it', async () => {
    // Schema → migrations: `--from-migrations --to-schema` would always report pg_trgm as added,
    // because the engine describes the shadow database without the schema's preview features
    // (see docs/decisions/002-migrations-with-wasm-schema-engine.md).
    await expect(
      runPrisma(['migrate', 'diff', '--from-schema', SCHEMA, '--to-migrations', MIGRATIONS, '--exit-code'], env),
    ).resolves.toBeUndefined();

    const shadows = await query(
      adminUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`,
    );
    expect(shadows).toEqual([]);
  });

  it('migrate diff exits with code 2 when the schema has a change the migrations lack', async () => {
    const changedSchema = path.join(tempDir, 'changed.prisma');
    const schema = readFileSync(SCHEMA, 'utf8');
    writeFileSync(
      changedSchema,
      schema.replace(/^model Supplier \{$/m, 'model Supplier {\n  bridgeTestColumn String?'),
    );
    expect(readFileSync(changedSchema, 'utf8')).toContain('bridgeTestColumn');

    const diff = runPrisma(
      ['migrate', 'diff', '--from-schema', changedSchema, '--to-migrations', MIGRATIONS, '--exit-code'],
      env,
    );
    await expect(diff).rejects.toBeInstanceOf(PrismaCommandError);
    await expect(diff).rejects.toMatchObject({ exitCode: 2 });
  });
});
