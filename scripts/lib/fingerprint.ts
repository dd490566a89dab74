// Content hash of a set of files and folders: tells `npm start` whether the build (or the
// generated Prisma client) is older than the sources.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function listFiles(entry: string, skip: Set<string>): string[] {
  if (!existsSync(entry) || skip.has(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name), skip));
}

export function fingerprint(root: string, entries: string[], skip: string[] = []): string {
  const hash = createHash('sha256');
  const skipped = new Set(skip.map((entry) => path.join(root, entry)));
  for (const file of entries.flatMap((entry) => listFiles(path.join(root, entry), skipped))) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function readStamp(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
