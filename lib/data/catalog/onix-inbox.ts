import 'server-only';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDb, getPool } from '@/lib/db';
import { importOnixFile } from './onix-import';

// The watched inbox (ONIX_INBOX_DIR): the worker (scripts/worker.ts, every minute) imports each
// file a distributor dropped there, one at a time across every worker (a PostgreSQL advisory
// lock), in the order they arrived, each with its report (/admin/catalogue/imports). A file whose
// content was imported already is not imported again; each file then moves out of the inbox:
// `importes/`, `deja-importes/`, or `refuses/` with a `.motif.txt` saying why.

export const INBOX_FOLDERS = { done: 'importes', duplicate: 'deja-importes', failed: 'refuses' } as const;

/** One inbox at a time, whatever the number of workers. */
const INBOX_LOCK = 7_411_020;

export type InboxReport = { imported: number; duplicates: number; failed: number };

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The files waiting, oldest first (then by name): what a distributor dropped, in its order. */
async function waitingFiles(inbox: string): Promise<string[]> {
  const entries = await readdir(inbox, { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.part'))
      .map(async (entry) => {
        const file = path.join(inbox, entry.name);
        return { file, name: entry.name, mtime: (await stat(file)).mtimeMs };
      }),
  );
  return files.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name)).map((entry) => entry.file);
}

async function moveTo(inbox: string, folder: string, file: string): Promise<string> {
  const target = path.join(inbox, folder);
  await mkdir(target, { recursive: true });
  const stamp = new Date().toISOString().replaceAll(':', '-');
  const destination = path.join(target, `${stamp}-${path.basename(file)}`);
  await rename(file, destination);
  return destination;
}

export async function importInbox(inbox: string): Promise<InboxReport> {
  const report: InboxReport = { imported: 0, duplicates: 0, failed: 0 };
  const client = await getPool().connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [INBOX_LOCK]);
    if (!rows[0]?.locked) return report;
    try {
      for (const file of await waitingFiles(inbox)) {
        const fileSha256 = await sha256Of(file);
        const seen = await getDb().onixImport.findFirst({
          where: { fileSha256, status: 'finished' },
          select: { id: true },
        });
        if (seen) {
          await moveTo(inbox, INBOX_FOLDERS.duplicate, file);
          report.duplicates += 1;
          continue;
        }
        const result = await importOnixFile(getDb(), file, { fileName: path.basename(file), fileSha256 });
        if (result.status === 'finished') {
          await moveTo(inbox, INBOX_FOLDERS.done, file);
          report.imported += 1;
        } else {
          const aside = await moveTo(inbox, INBOX_FOLDERS.failed, file);
          await writeFile(`${aside}.motif.txt`, `${result.failure ?? 'échec'}\n`);
          report.failed += 1;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [INBOX_LOCK]);
    }
  } finally {
    client.release();
  }
  return report;
}

/** The last imports, newest first, with their first rejections: /admin/catalogue/imports. */
export async function listOnixImports(limit = 50) {
  return getDb().onixImport.findMany({
    orderBy: { id: 'desc' },
    take: limit,
    select: {
      id: true,
      fileName: true,
      sender: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      products: true,
      created: true,
      updated: true,
      deleted: true,
      unchanged: true,
      rejected: true,
      failure: true,
      rejections: { orderBy: { line: 'asc' }, take: 20, select: { line: true, ean: true, reason: true } },
    },
  });
}
