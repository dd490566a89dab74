import 'server-only';
import type pg from 'pg';
import { noteDatabaseFailure, refuseIfDatabaseDown } from './database/breaker';
import { getEnv } from './env';
import { createPool, createPrismaClientOnPool, type PrismaClient } from './database/prisma-client';
import { watchPool } from './observability/metrics';

// One pool and one Prisma client per process, sized and timed by the environment; kept on
// globalThis so dev hot reloads do not open new pools. The rate limiter shares the pool.
function createDb(pool: pg.Pool): PrismaClient {
  const extended = createPrismaClientOnPool(pool).$extends({
    query: {
      async $allOperations({ args, query }) {
        refuseIfDatabaseDown();
        try {
          return await query(args);
        } catch (error) {
          noteDatabaseFailure(error);
          throw error;
        }
      },
    },
  });
  // A query extension changes no type: the extended client is used as the plain one.
  return extended as unknown as PrismaClient;
}

const globalForDb = globalThis as typeof globalThis & { librairiePool?: pg.Pool; librairieDb?: PrismaClient };

export function getPool(): pg.Pool {
  const env = getEnv();
  if (!globalForDb.librairiePool) {
    globalForDb.librairiePool = createPool(env.DATABASE_URL, {
      size: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    // Its connections in use, idle and waited for: librairie_db_pool_connections{pool="app"}.
    watchPool('app', globalForDb.librairiePool);
  }
  return globalForDb.librairiePool;
}

export function getDb(): PrismaClient {
  globalForDb.librairieDb ??= createDb(getPool());
  return globalForDb.librairieDb;
}
