// Installs pg-boss's schema (its own migrations) and the shop's queues with their settings, before
// the app and the worker start (`npm start`, the test set-up): the app only sends jobs and never
// migrates. Safe to run again: existing queues get the current settings.
import { PgBoss } from 'pg-boss';
import { QUEUE_NAMES, QUEUE_OPTIONS } from '../../lib/jobs/queues';

export async function installJobQueues(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 1,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  boss.on('error', (error) => console.error('[job-queue]', error));
  await boss.start();
  try {
    await defineQueues(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}

export async function defineQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUE_NAMES)) {
    const options = QUEUE_OPTIONS[name];
    if (await boss.getQueue(name)) {
      // What updateQueue may change, and only what is set (it refuses undefined).
      const { retryLimit, retryDelay, retryBackoff, expireInSeconds, deleteAfterSeconds } = options;
      const changes = Object.fromEntries(
        Object.entries({ retryLimit, retryDelay, retryBackoff, expireInSeconds, deleteAfterSeconds }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      await boss.updateQueue(name, changes);
    } else {
      await boss.createQueue(name, options);
    }
  }
}
