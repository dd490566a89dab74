// `npm run backup`: a base backup of the embedded server, taken live with PostgreSQL's low-level
// API (pg_backup_start / pg_backup_stop, https://www.postgresql.org/docs/18/continuous-archiving.html),
// then checked by restoring it into a scratch cluster, where the manifest's figures are measured:
// a backup is kept only once it has restored. With the WAL archive, it restores to any minute
// after it (restore.ts).
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyCluster, sealArchive, sha256Of } from './archive-files';
import { manifestFile, type BackupManifest } from './manifest';
import { recoverCluster } from './recovery';
import { measureShop } from './shop-measure';

export class BackupRefused extends Error {}

/** "2026-12-07T11-40-05Z": sorts as it happened, valid in any file system. */
function stamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}

/** "START WAL LOCATION: 0/2000028 (file 000000010000000000000002)" → the segment's name. */
function startWalFile(labelFile: string): string {
  const match = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(labelFile);
  if (!match?.[1]) throw new Error(`backup_label illisible :\n${labelFile}`);
  return match[1];
}

export async function takeBaseBackup(options: {
  url: string;
  dataDir: string;
  snapshotsDir: string;
  walDir: string;
  log?: (message: string) => void;
}): Promise<{ archive: string; manifest: BackupManifest }> {
  const log = options.log ?? (() => {});
  mkdirSync(options.snapshotsDir, { recursive: true });
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  let tarFile = '';
  let label: { labelfile: string; lsn: string; stoppedAt: Date; timeline: number; version: string };
  let startLsn: string;
  try {
    const { rows: settings } = await client.query<{ archive_mode: string; archive_command: string }>(
      `SELECT current_setting('archive_mode') AS archive_mode, current_setting('archive_command') AS archive_command`,
    );
    if (settings[0]?.archive_mode !== 'on' || !settings[0].archive_command.includes(options.walDir))
      throw new BackupRefused(
        `Le serveur n’archive pas ses WAL dans ${options.walDir} : redémarrez la boutique (npm start), qui active l’archivage, puis relancez la sauvegarde.`,
      );
    const startedAt = new Date();
    tarFile = path.join(options.snapshotsDir, `.base-${stamp(startedAt)}.tar`);
    const started = await client.query<{ lsn: string }>(`SELECT pg_backup_start($1, true)::text AS "lsn"`, [
      `librairie ${startedAt.toISOString()}`,
    ]);
    startLsn = started.rows[0]?.lsn ?? '';
    log(`Copie du cluster (début ${startLsn})…`);
    try {
      await copyCluster(options.dataDir, tarFile);
    } catch (error) {
      await client.query('SELECT pg_backup_stop(false)').catch(() => undefined);
      throw error;
    }
    // Waits until every WAL segment the copy needs is archived.
    const stopped = await client.query<{
      labelfile: string;
      lsn: string;
      now: Date;
      timeline: number;
      version: string;
    }>(
      `SELECT s.labelfile, s.lsn::text AS "lsn", clock_timestamp() AS "now",
              (SELECT timeline_id FROM pg_control_checkpoint()) AS "timeline",
              current_setting('server_version') AS "version"
         FROM pg_backup_stop(true) s`,
    );
    const row = stopped.rows[0];
    if (!row) throw new Error('pg_backup_stop n’a rien rendu.');
    label = {
      labelfile: row.labelfile,
      lsn: row.lsn,
      stoppedAt: row.now,
      timeline: row.timeline,
      version: row.version,
    };
  } catch (error) {
    if (tarFile) rmSync(tarFile, { force: true });
    throw error;
  } finally {
    await client.end();
  }

  // Under a hidden name until its check passed and its manifest is written: a run killed
  // half-way leaves no backup that lists, prunes or restores as if it were whole.
  const sealed = await sealArchive(tarFile, label.labelfile);
  const archive = path.join(options.snapshotsDir, `base-${stamp(label.stoppedAt)}.tar.gz`);

  // The check: restored into a scratch cluster to the end of the backup, measured there.
  log('Vérification : restauration dans un cluster temporaire…');
  const scratch = path.join(os.tmpdir(), `librairie-verification-${process.pid}-${Date.now()}`);
  const checkStarted = Date.now();
  let measured;
  try {
    const restored = await recoverCluster({
      archive: sealed,
      intoDir: scratch,
      walDir: options.walDir,
      target: 'end-of-backup',
    });
    try {
      measured = await measureShop(restored.url);
    } finally {
      await restored.stop();
    }
  } catch (error) {
    rmSync(sealed, { force: true });
    throw new Error(`La sauvegarde ne se restaure pas : elle est supprimée. ${String(error)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const manifest: BackupManifest = {
    format: 'librairie-base-backup/1',
    archive: path.basename(archive),
    bytes: statSync(sealed).size,
    sha256: await sha256Of(sealed),
    consistentAt: label.stoppedAt.toISOString(),
    postgresVersion: label.version,
    timeline: label.timeline,
    startLsn,
    stopLsn: label.lsn,
    startWalFile: startWalFile(label.labelfile),
    verifiedInMs: Date.now() - checkStarted,
    shop: measured,
  };
  writeFileSync(manifestFile(archive), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(sealed, archive);
  return { archive, manifest };
}
