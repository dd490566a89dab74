import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { mapProduct } from '@/lib/onix/onix-product';
import { OnixFileError, openOnixFile, readOnix } from '@/lib/onix/onix-reader';
import { flushFrontCachePurges } from '@/lib/data/platform/front-cache';
import {
  applyRecord,
  loadThemeIndex,
  newImportCache,
  RecordRejection,
  type ImportContext,
  type RecordOutcome,
} from './onix-records';
import { logger } from '@/lib/observability/logger';

// `npm run import:onix -- file.xml` (scripts/import-onix.ts): reads the file product by product, applies each in its own transaction, and keeps
// the report as an OnixImport row with its rejections.

export type ImportCounts = Record<RecordOutcome | 'rejected', number> & { products: number };

export type ImportProgress = { bytesRead: number; size: number; counts: ImportCounts; done: boolean };

export type Rejection = { line: number; recordReference: string | null; ean: string | null; reason: string };

export type ImportReport = {
  importId: number;
  status: 'finished' | 'failed';
  failure: string | null;
  counts: ImportCounts;
  /** The first rejections (all are stored with the import). */
  rejections: Rejection[];
  seconds: number;
};

const REJECTIONS_IN_REPORT = 50;
/** Records written at once: their round trips overlap; the connection pool holds more. */
const RECORDS_IN_FLIGHT = 6;

export async function importOnixFile(
  db: PrismaClient,
  path: string,
  options: {
    fileName: string;
    /** The file's SHA-256, when the watched inbox imports it (onix-inbox.ts). */
    fileSha256?: string;
    onProgress?: (progress: ImportProgress) => void;
    /** The front caches to purge once the file is applied (the worker purges meanwhile). */
    frontCacheUrls?: string[];
  },
): Promise<ImportReport> {
  const started = performance.now();
  const run = await db.onixImport.create({
    data: { fileName: options.fileName, fileSha256: options.fileSha256 ?? null },
    select: { id: true },
  });
  const counts: ImportCounts = { products: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 };
  const rejections: Rejection[] = [];
  const context: ImportContext = {
    themes: await loadThemeIndex(db),
    cache: newImportCache(),
    sender: { gln: null, name: null },
  };
  let failure: string | null = null;
  let sender: string | null = null;
  let lastProgress = 0;
  const reject = async (rejection: Rejection) => {
    counts.rejected += 1;
    if (rejections.length < REJECTIONS_IN_REPORT) rejections.push(rejection);
    await db.onixImportRejection.create({ data: { importId: run.id, ...rejection } });
  };

  const inFlight = new Map<string, Promise<unknown>>();
  let source: Awaited<ReturnType<typeof openOnixFile>> | null = null;
  try {
    source = await openOnixFile(path);
    for await (const event of readOnix(source)) {
      if (event.kind === 'header') {
        sender = event.header.senderName;
        context.sender = { gln: event.header.senderGln, name: event.header.senderName };
        continue;
      }
      counts.products += 1;
      const mapped = event.problem
        ? { ok: false as const, reason: event.problem, ean: null, recordReference: null }
        : mapProduct(event.product);
      if (!mapped.ok) {
        await reject({
          line: event.line,
          recordReference: mapped.recordReference,
          ean: mapped.ean,
          reason: mapped.reason,
        });
      } else {
        // Records run RECORDS_IN_FLIGHT at a time, each in its own transaction; two records of the
        // same EAN never overlap, so a file's update then deletion apply in the file's order.
        const { record } = mapped;
        while (inFlight.size >= RECORDS_IN_FLIGHT || inFlight.has(record.ean)) {
          await Promise.race(inFlight.values());
        }
        const task = applyRecord(db, record, context)
          .then((outcome) => {
            counts[outcome] += 1;
          })
          .catch((error: unknown) => {
            // The record's transaction rolled back; the rest of the file goes on.
            const reason =
              error instanceof RecordRejection
                ? error.message
                : `erreur à l’écriture : ${error instanceof Error ? error.message.split('\n').at(-1) : String(error)}`;
            return reject({ line: event.line, recordReference: record.recordReference, ean: record.ean, reason });
          })
          .finally(() => inFlight.delete(record.ean));
        inFlight.set(record.ean, task);
      }
      const now = performance.now();
      if (options.onProgress && now - lastProgress > 200) {
        lastProgress = now;
        options.onProgress({ bytesRead: source.bytesRead(), size: source.size, counts, done: false });
      }
    }
    await Promise.all(inFlight.values());
  } catch (error) {
    await Promise.allSettled(inFlight.values());
    // The file cannot be read on (not found, not ONIX 3.0, malformed XML): what was applied stays.
    failure =
      error instanceof OnixFileError && error.line !== null
        ? `ligne ${error.line} : ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    if (!(error instanceof OnixFileError) && !(error instanceof Error && 'code' in error)) {
      await db.onixImport.update({ where: { id: run.id }, data: { ...counts, status: 'failed', failure } });
      throw error;
    }
  } finally {
    source?.stream.destroy();
  }
  if (options.onProgress && source)
    options.onProgress({ bytesRead: source.size, size: source.size, counts, done: true });
  const status = failure === null ? 'finished' : 'failed';
  await db.onixImport.update({
    where: { id: run.id },
    data: { ...counts, sender, status, failure, finishedAt: new Date() },
  });
  if (options.frontCacheUrls?.length) {
    await flushFrontCachePurges(options.frontCacheUrls, db).catch((error: unknown) => {
      logger.error({ err: error }, 'front cache purge failed (the worker will retry)');
    });
  }
  return { importId: run.id, status, failure, counts, rejections, seconds: (performance.now() - started) / 1000 };
}
