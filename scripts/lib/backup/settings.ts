// Where backups live, read from the environment: the same settings for `npm start` (which archives
// the embedded server's WAL there), `npm run backup` and `npm run restore`.
import path from 'node:path';
import { z } from 'zod';
import { embeddedDbPortSetting } from '../embedded-postgres';
import { ROOT } from '../project';

const BackupEnvSchema = z.object({
  LIBRAIRIE_DATA_DIR: z.string().default('.data'),
  /** Base backups, the WAL archive and the journals; on another disk than the data in production. */
  LIBRAIRIE_BACKUP_DIR: z.string().optional(),
  /** Base backups kept; the WAL older than the oldest kept one is deleted with it. */
  LIBRAIRIE_BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  EMBEDDED_DB_PORT: embeddedDbPortSetting,
});

export type BackupPaths = {
  /** The embedded server's cluster (`npm start` without DATABASE_URL). */
  dataDir: string;
  backupDir: string;
  snapshotsDir: string;
  walDir: string;
  /** What happened after the last WAL a restore can replay: e-mails sent (lib/data/customer-mail/sent-email-journal.ts). */
  journalDir: string;
};

export function backupPaths(dataDir: string, backupDir: string): BackupPaths {
  return {
    dataDir,
    backupDir,
    snapshotsDir: path.join(backupDir, 'snapshots'),
    walDir: path.join(backupDir, 'wal'),
    journalDir: path.join(backupDir, 'journal'),
  };
}

export function readBackupSettings(env: NodeJS.ProcessEnv = process.env) {
  const parsed = BackupEnvSchema.parse(env);
  const dataRoot = path.resolve(ROOT, parsed.LIBRAIRIE_DATA_DIR);
  const backupDir = path.resolve(ROOT, parsed.LIBRAIRIE_BACKUP_DIR ?? path.join(parsed.LIBRAIRIE_DATA_DIR, 'backups'));
  return {
    ...backupPaths(path.join(dataRoot, 'postgres'), backupDir),
    keep: parsed.LIBRAIRIE_BACKUP_KEEP,
    port: parsed.EMBEDDED_DB_PORT,
  };
}

/** The journal of e-mails sent, one JSON line each, appended by the worker. */
export function sentEmailJournal(journalDir: string): string {
  return path.join(journalDir, 'sent-emails.jsonl');
}

/** The erasures of personal data (RGPD art. 17), one JSON line each, appended by the app. */
export function erasureJournal(journalDir: string): string {
  return path.join(journalDir, 'erasures.jsonl');
}
