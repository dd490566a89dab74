// The files of a base backup: the cluster's directory as tar, gzipped, with the backup_label
// PostgreSQL wrote when the backup ended. GNU tar and gzip are in every Debian base system.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What a base backup leaves out (https://www.postgresql.org/docs/18/continuous-archiving.html,
 * "Making a Base Backup Using the Low Level API"): the WAL (the archive has it), the server's
 * run-time files, and any recovery settings of an earlier restore.
 */
const EXCLUDED = [
  './postmaster.pid',
  './postmaster.opts',
  './pg_wal/*',
  './pg_replslot/*',
  './pg_dynshmem/*',
  './pg_notify/*',
  './pg_serial/*',
  './pg_snapshots/*',
  './pg_stat_tmp/*',
  './pg_subtrans/*',
  './pgsql_tmp*',
  './backup_label',
  './tablespace_map',
  './recovery.signal',
  './standby.signal',
];

/** Copies the live cluster into `tarFile` (uncompressed): files changing meanwhile are expected. */
export async function copyCluster(dataDir: string, tarFile: string): Promise<void> {
  try {
    await run('tar', [
      '--create',
      `--file=${tarFile}`,
      `--directory=${dataDir}`,
      '--warning=no-file-changed',
      '--warning=no-file-removed',
      ...EXCLUDED.map((pattern) => `--exclude=${pattern}`),
      '.',
    ]);
  } catch (error) {
    // GNU tar exits with 1 when a file changed as it read it: WAL replay makes it consistent.
    if ((error as { code?: number }).code !== 1) throw error;
  }
}

/** Adds the backup_label pg_backup_stop returned, then compresses: `<tarFile>.gz`. */
export async function sealArchive(tarFile: string, labelFile: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'librairie-label-'));
  try {
    writeFileSync(path.join(dir, 'backup_label'), labelFile);
    await run('tar', ['--append', `--file=${tarFile}`, `--directory=${dir}`, 'backup_label']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await run('gzip', ['--force', tarFile]);
  return `${tarFile}.gz`;
}

export async function extractArchive(archive: string, intoDir: string): Promise<void> {
  await run('tar', ['--extract', '--gzip', `--file=${archive}`, `--directory=${intoDir}`]);
}

export async function sha256Of(file: string): Promise<string> {
  const { stdout } = await run('sha256sum', [file]);
  return stdout.split(' ')[0] ?? '';
}
