import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { createDatabase, dropDatabase } from '@/scripts/test/database';

// The readiness answer itself, on real PostgreSQL databases: the migrated test database, an empty
// one (as while `prisma migrate deploy` has not run yet), one where the server does not answer,
// and an instance that is stopping.

const EMPTY_DATABASE = `librairie_ready_${process.pid}`;
const DRAINING_KEY = Symbol.for('librairie.draining');

async function loadRoute(databaseUrl: string) {
  vi.resetModules();
  delete (globalThis as { librairieDb?: unknown }).librairieDb;
  delete (globalThis as { librairiePool?: unknown }).librairiePool;
  process.env.DATABASE_URL = databaseUrl;
  return import('./route');
}

afterAll(async () => {
  delete (globalThis as { librairieDatabaseDownUntil?: unknown }).librairieDatabaseDownUntil;
  delete (globalThis as { librairieDb?: unknown }).librairieDb;
  delete (globalThis as { librairiePool?: unknown }).librairiePool;
  process.env.DATABASE_URL = inject('databaseUrl');
  await dropDatabase(inject('adminUrl'), EMPTY_DATABASE);
});

describe('GET /api/ready', () => {
  it('answers 200 when the database answers and holds every migration of prisma/migrations', async () => {
    const { GET } = await loadRoute(inject('databaseUrl'));
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready', reasons: [], database: 'up', pendingMigrations: [] });
  });

  it('answers 503 naming the migrations a database has not applied yet', async () => {
    const { GET } = await loadRoute(await createDatabase(inject('adminUrl'), EMPTY_DATABASE));
    const response = await GET();
    expect(response.status).toBe(503);
    const body = (await response.json()) as { reasons: string[]; database: string; pendingMigrations: string[] };
    expect(body.reasons).toEqual(['migrations']);
    expect(body.database).toBe('up');
    expect(body.pendingMigrations).toContain('20261207170000_onix_inbox');
    expect(body.pendingMigrations.length).toBeGreaterThan(20);
  });

  it('finds a migration newer than the database, the rest applied', async () => {
    await loadRoute(inject('databaseUrl'));
    const { checkReadiness, expectedMigrations } = await import('@/lib/data/platform/health');
    const newer = [...expectedMigrations(), '29991231000000_not_applied'];
    expect(await checkReadiness(newer)).toEqual({ database: 'up', pendingMigrations: ['29991231000000_not_applied'] });
  });

  it('answers 503 at once while the instance is stopping, the database fine', async () => {
    const { GET } = await loadRoute(inject('databaseUrl'));
    const { markDraining } = await import('@/lib/observability/lifecycle');
    markDraining();
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not_ready', reasons: ['draining'] });
    } finally {
      delete (globalThis as { [DRAINING_KEY]?: boolean })[DRAINING_KEY];
    }
    expect((await GET()).status).toBe(200);
  });
  // Last: the circuit breaker it opens stays open for the process (lib/database/breaker.ts).
  it('answers 503 when the database does not answer', async () => {
    const { logger } = await import('@/lib/observability/logger');
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const { GET } = await loadRoute('postgresql://librairie:x@127.0.0.1:9/librairie');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not_ready', reasons: ['database'], database: 'down' });
    errors.mockRestore();
  });
});
