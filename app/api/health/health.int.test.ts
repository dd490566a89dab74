import { describe, expect, inject, it, vi } from 'vitest';
import { logger } from '@/lib/observability/logger';

// The route handler itself, against a real PostgreSQL, then against a port where none listens.
async function loadRoute(databaseUrl: string) {
  vi.resetModules();
  delete (globalThis as { librairieDb?: unknown }).librairieDb;
  delete (globalThis as { librairiePool?: unknown }).librairiePool;
  process.env.DATABASE_URL = databaseUrl;
  return import('./route');
}

describe('GET /api/health', () => {
  it('answers 200 when the database answers', async () => {
    const { GET } = await loadRoute(inject('databaseUrl'));
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database is down', async () => {
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const { GET } = await loadRoute('postgresql://librairie:x@127.0.0.1:9/librairie');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
