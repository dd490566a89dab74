import 'server-only';
import { getDb } from '@/lib/db';
import { logger } from '@/lib/observability/logger';

/** True when the database answers a trivial query within the timeout. */
export async function isDatabaseReachable(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = getDb().$queryRaw`SELECT 1`
    .then(() => true)
    .catch((error: unknown) => {
      logger.error({ err: error }, 'health: database unreachable');
      return false;
    });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
