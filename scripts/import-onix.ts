// `npm run import:onix -- fichier.xml[.gz]`: imports an ONIX 3.0 feed into DATABASE_URL, or into
// npm start's embedded database (.data, EMBEDDED_DB_PORT; started here if it is not running).
// Shows a progress bar, then the report (also kept in the database: OnixImport).
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { importOnixFile, type ImportProgress, type ImportReport } from '../lib/data/catalog/onix-import';
import { createPrismaClient } from '../lib/database/prisma-client';
import { embeddedDbPortSetting, startEmbeddedPostgres } from './lib/embedded-postgres';
import { ROOT } from './lib/project';
import { runPrisma } from './prisma';

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgresql://')
    .optional(),
  LIBRAIRIE_DATA_DIR: z.string().default('.data'),
  EMBEDDED_DB_PORT: embeddedDbPortSetting,
  /** The running shop's front caches (lib/env.ts): purged once the file is applied. */
  FRONT_CACHE_PURGE_URLS: z.string().default(''),
});

const number = (n: number) => n.toLocaleString('fr-FR');

function progressLine({ bytesRead, size, counts }: ImportProgress, seconds: number): string {
  const share = size > 0 ? Math.min(1, bytesRead / size) : 0;
  const width = 24;
  const filled = Math.round(share * width);
  const rate = seconds > 0 ? Math.round(counts.products / seconds) : 0;
  return (
    `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ` +
    `${number(counts.products)} notices, ${number(rate)}/s — créées ${number(counts.created)}, ` +
    `mises à jour ${number(counts.updated)}, inchangées ${number(counts.unchanged)}, ` +
    `supprimées ${number(counts.deleted)}, rejetées ${number(counts.rejected)}`
  );
}

function printReport(report: ImportReport, file: string) {
  const { counts } = report;
  console.log(
    `\nImport n° ${report.importId} de ${file} : ${report.status === 'finished' ? 'terminé' : 'interrompu'} en ${report.seconds.toFixed(1)} s`,
  );
  console.log(`  notices lues   ${number(counts.products).padStart(10)}`);
  console.log(`  créées         ${number(counts.created).padStart(10)}`);
  console.log(`  mises à jour   ${number(counts.updated).padStart(10)}`);
  console.log(`  supprimées     ${number(counts.deleted).padStart(10)}`);
  console.log(`  inchangées     ${number(counts.unchanged).padStart(10)}`);
  console.log(`  rejetées       ${number(counts.rejected).padStart(10)}`);
  if (report.failure) console.log(`\nArrêt : ${report.failure}`);
  if (report.rejections.length > 0) {
    console.log('\nNotices rejetées (rien n’en a été écrit) :');
    for (const r of report.rejections) {
      console.log(
        `  ligne ${r.line}${r.recordReference ? `, ${r.recordReference}` : ''}${r.ean ? `, EAN ${r.ean}` : ''} : ${r.reason}`,
      );
    }
    if (counts.rejected > report.rejections.length) {
      console.log(
        `  … et ${number(counts.rejected - report.rejections.length)} autres (table OnixImportRejection, import ${report.importId}).`,
      );
    }
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('Usage : npm run import:onix -- fichier.xml (ou .xml.gz)');
  const env = EnvSchema.parse(process.env);
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR, 'postgres');
    const embeddedUrl = `postgresql://librairie:librairie-local@127.0.0.1:${env.EMBEDDED_DB_PORT}/librairie`;
    if (await reachable(embeddedUrl)) {
      url = embeddedUrl;
    } else {
      const embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_DB_PORT, database: 'librairie' });
      url = embedded.url;
      stop = embedded.stop;
    }
  }
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: url });
  const db = createPrismaClient(url);
  const started = performance.now();
  const tty = process.stdout.isTTY;
  let lastDecile = -1;
  try {
    const report = await importOnixFile(db, path.resolve(file), {
      fileName: path.basename(file),
      frontCacheUrls: env.FRONT_CACHE_PURGE_URLS.split(',')
        .map((url) => url.trim())
        .filter((url) => url !== ''),
      onProgress: (progress) => {
        const line = progressLine(progress, (performance.now() - started) / 1000);
        if (tty) process.stdout.write(`\r${line}`);
        else {
          const decile = Math.floor((10 * progress.bytesRead) / Math.max(1, progress.size));
          if (decile !== lastDecile || progress.done) console.log(line);
          lastDecile = decile;
        }
      },
    });
    if (tty) process.stdout.write('\n');
    printReport(report, file);
    process.exitCode = report.status === 'finished' ? 0 : 1;
  } finally {
    await db.$disconnect();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
