// Keeps the last N base backups, and the WAL from the oldest kept one on: what a restore needs.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { listBackups, manifestFile, readManifest } from './manifest';

/** "000000010000000000000002": timeline, then the segment's position. */
function position(segment: string): { timeline: number; at: string } {
  return { timeline: Number.parseInt(segment.slice(0, 8), 16), at: segment.slice(8, 24) };
}

export function pruneBackups(
  snapshotsDir: string,
  walDir: string,
  keep: number,
): { backups: number; segments: number } {
  // What a run killed half-way left (hidden names, over a day old: not a run going on now).
  for (const name of readdirSync(snapshotsDir)) {
    const file = path.join(snapshotsDir, name);
    if (name.startsWith('.base-') && Date.now() - statSync(file).mtimeMs > 24 * 3600_000) rmSync(file, { force: true });
  }
  const backups = listBackups(snapshotsDir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const archive of removed) {
    rmSync(archive, { force: true });
    rmSync(manifestFile(archive), { force: true });
  }
  const oldest = listBackups(snapshotsDir)[0];
  if (!oldest) return { backups: removed.length, segments: 0 };
  const first = position(readManifest(oldest).startWalFile);
  let segments = 0;
  for (const name of readdirSync(walDir)) {
    // Segments only: history and .backup files are small and tell the timelines' story.
    const match = /^([0-9A-F]{24})\.gz$/.exec(name);
    if (!match?.[1]) continue;
    const segment = position(match[1]);
    if (segment.timeline <= first.timeline && segment.at < first.at) {
      rmSync(path.join(walDir, name), { force: true });
      segments += 1;
    }
  }
  return { backups: removed.length, segments };
}
