// A base backup's manifest, beside its archive (`base-….tar.gz` → `base-….manifest.json`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ShopMeasureSchema } from './shop-measure';

export const BackupManifestSchema = z.object({
  format: z.literal('librairie-base-backup/1'),
  archive: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** The instant the copy is consistent at: a restore reaches any time from there. */
  consistentAt: z.string(),
  postgresVersion: z.string(),
  timeline: z.number().int(),
  startLsn: z.string(),
  stopLsn: z.string(),
  /** The first WAL segment a restore needs: older ones may go when this backup is the oldest kept. */
  startWalFile: z.string().regex(/^[0-9A-F]{24}$/),
  /** How long the check took: the archive restored into a scratch cluster and measured there. */
  verifiedInMs: z.number().int(),
  shop: ShopMeasureSchema,
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export function manifestFile(archive: string): string {
  return archive.replace(/\.tar\.gz$/, '.manifest.json');
}

export function readManifest(archive: string): BackupManifest {
  return BackupManifestSchema.parse(JSON.parse(readFileSync(manifestFile(archive), 'utf8')));
}

/** The kept backups, oldest first (their names sort by time): whole ones only, manifest and all. */
export function listBackups(snapshotsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(snapshotsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^base-.*\.tar\.gz$/.test(name))
    .sort()
    .map((name) => path.join(snapshotsDir, name))
    .filter((archive) => existsSync(manifestFile(archive)));
}
