import 'server-only';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getDb } from '@/lib/db';
import { isDatabaseUnreachable } from '@/lib/database/errors';
import { logger } from '@/lib/observability/logger';

// Liveness (/api/health: the process answers and reaches its database) and readiness
// (/api/ready: it may be sent requests: the database answers and holds every migration this
// build expects). A load balancer sends requests to ready instances only, and a deployment
// that starts the new code before `prisma migrate deploy` finished waits for it
// (https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/).

/** Resolves to `fallback` if `work` takes longer than `timeoutMs`. */
async function within<T>(work: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the database answers a trivial query within the timeout. */
export async function isDatabaseReachable(timeoutMs = 2000): Promise<boolean> {
  const probe = getDb().$queryRaw`SELECT 1`
    .then(() => true)
    .catch((error: unknown) => {
      logger.error({ err: error }, 'health: database unreachable');
      return false;
    });
  return within(probe, timeoutMs, false);
}

let migrationNames: string[] | undefined;

/**
 * The migrations this code expects: the folders of prisma/migrations (Prisma's layout), read
 * once from the project folder the server runs in (`npm start`, `next start`).
 */
export function expectedMigrations(directory = path.join(process.cwd(), 'prisma/migrations')): string[] {
  migrationNames ??= readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return migrationNames;
}

export type Readiness = { database: 'up' | 'down'; pendingMigrations: string[] };

/**
 * Whether the database answers and has applied every expected migration (Prisma's
 * `_prisma_migrations`: finished, not rolled back). A database without that table has applied none.
 */
export async function checkReadiness(expected: string[], timeoutMs = 2000): Promise<Readiness> {
  const probe = getDb().$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS name FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`
    .then((rows): Readiness => {
      const applied = new Set(rows.map((row) => row.name));
      return { database: 'up', pendingMigrations: expected.filter((name) => !applied.has(name)) };
    })
    .catch((error: unknown): Readiness => {
      if (!isDatabaseUnreachable(error) && /_prisma_migrations/.test(String((error as Error)?.message))) {
        return { database: 'up', pendingMigrations: expected };
      }
      logger.error({ err: error }, 'readiness: database unreachable');
      return { database: 'down', pendingMigrations: [] };
    });
  return within(probe, timeoutMs, { database: 'down', pendingMigrations: [] });
}
