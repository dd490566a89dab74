// A cluster brought back from a base backup and the WAL archive, by PostgreSQL's own archive
// recovery (https://www.postgresql.org/docs/18/continuous-archiving.html#BACKUP-PITR-RECOVERY):
// to the end of the backup (a backup's check), to a given time, or to the last archived WAL.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { assertShellSafePath, runAsIds, startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded-postgres';
import { extractArchive } from './archive-files';

export type RecoveryTarget = { time: Date } | 'end-of-backup' | 'latest';

export class RestoreRefused extends Error {}

/** A free TCP port on 127.0.0.1, for a cluster started only to recover. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The server's form of an instant: "2026-12-07 12:34:56.789+00". */
function postgresTime(instant: Date): string {
  return `${instant.toISOString().replace('T', ' ').replace('Z', '')}+00`;
}

function recoverySettings(walDir: string, target: RecoveryTarget): Record<string, string> {
  assertShellSafePath(walDir);
  const settings: Record<string, string> = {
    restore_command: `gunzip -c '${walDir}/%f.gz' > '%p'`,
    recovery_target_action: 'promote',
    recovery_target_timeline: 'latest',
    // The recovering server does not archive: its WAL is not the shop's history yet.
    archive_mode: 'off',
  };
  if (target === 'end-of-backup') settings.recovery_target = 'immediate';
  else if (target !== 'latest') settings.recovery_target_time = postgresTime(target.time);
  return settings;
}

/** The timelines' history files of a promoted cluster, gzipped into the archive as archive_command would. */
function archiveHistoryFiles(dataDir: string, walDir: string): void {
  const pgWal = path.join(dataDir, 'pg_wal');
  for (const name of readdirSync(pgWal)) {
    if (!/^[0-9A-F]{8}\.history$/.test(name)) continue;
    const target = path.join(walDir, `${name}.gz`);
    if (existsSync(target)) continue;
    writeFileSync(`${target}.part`, gzipSync(readFileSync(path.join(pgWal, name))));
    renameSync(`${target}.part`, target);
  }
}

/** Empty or absent: a restore never writes over a cluster, unless the caller moved it aside. */
export function assertEmptyTarget(intoDir: string): void {
  if (existsSync(intoDir) && readdirSync(intoDir).length > 0)
    throw new RestoreRefused(
      `Le dossier ${intoDir} n’est pas vide : une restauration n’écrase pas une base existante. ` +
        'Choisissez un dossier vide (--into DOSSIER), ou ajoutez --force pour mettre l’ancienne base de côté.',
    );
}

async function waitUntilPromoted(database: EmbeddedDatabase, timeoutMs: number): Promise<void> {
  const url = database.url;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!database.running()) {
      const log = database.output();
      throw new Error(
        log.includes('recovery ended before configured recovery target was reached')
          ? 'Le moment demandé est après le dernier WAL archivé : choisissez un moment plus ancien, ou restaurez sans --until.'
          : `PostgreSQL s’est arrêté pendant la restauration :\n${log.slice(-2000)}`,
      );
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS "recovering"');
      if (rows[0]?.recovering === false) return;
    } catch {
      // Still replaying, or promoting: try again.
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`La restauration n’a pas abouti en ${timeoutMs / 1000} s.`);
    await sleep(200);
  }
}

/**
 * Extracts `archive` into `intoDir` (empty), replays the archived WAL up to `target`, and leaves
 * the cluster running, promoted, for the caller to check and stop.
 */
export async function recoverCluster(options: {
  archive: string;
  intoDir: string;
  walDir: string;
  target: RecoveryTarget;
  port?: number;
  /**
   * A real restore: the new timeline's history file goes to the archive, so that a later restore
   * from an older backup follows this history and not the abandoned one. A backup's check never does.
   */
  archiveNewTimeline?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const intoDir = path.resolve(options.intoDir);
  assertEmptyTarget(intoDir);
  mkdirSync(intoDir, { recursive: true });
  await extractArchive(options.archive, intoDir);
  writeFileSync(path.join(intoDir, 'recovery.signal'), '');
  const ids = runAsIds();
  if ('uid' in ids) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, intoDir]);
  chmodSync(intoDir, 0o700);
  const database = await startEmbeddedPostgres({
    dataDir: intoDir,
    port: options.port ?? (await freePort()),
    database: 'librairie',
    settings: recoverySettings(path.resolve(options.walDir), options.target),
    log: options.log,
  });
  try {
    await waitUntilPromoted(database, 10 * 60_000);
    if (options.archiveNewTimeline) archiveHistoryFiles(intoDir, options.walDir);
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
