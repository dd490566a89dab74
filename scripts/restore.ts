// `npm run restore -- FICHIER|latest [--until "AAAA-MM-JJ HH:MM"] [--into DOSSIER] [--force]`:
// a base backup restored into an empty cluster folder (by default the embedded one of
// `npm start`), replayed from the WAL archive to the given minute (Paris time) or to the last one
// archived; then the e-mails sent since are marked sent. An existing cluster is never written
// over: --force moves it aside first.
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { acceptsConnections, embeddedUrl } from './lib/embedded-postgres';
import { PgBoss } from 'pg-boss';
import { QUEUE_NAMES } from '../lib/jobs/queues';
import { listBackups, manifestFile, readManifest } from './lib/backup/manifest';
import { assertEmptyTarget, recoverCluster, RestoreRefused, type RecoveryTarget } from './lib/backup/recovery';
import { formatParis, parseRestorePoint } from './lib/backup/restore-point';
import { markJournalSent } from './lib/backup/sent-emails';
import { reapplyErasures } from './lib/backup/erasures';
import { erasureJournal, readBackupSettings, sentEmailJournal } from './lib/backup/settings';
import { measureShop } from './lib/backup/shop-measure';

function chooseArchive(file: string, snapshotsDir: string, until: Date | null): string {
  if (file !== 'latest') {
    if (!existsSync(file)) throw new RestoreRefused(`Sauvegarde introuvable : ${file}`);
    return path.resolve(file);
  }
  // The newest backup consistent before the restore point.
  const candidates = listBackups(snapshotsDir).filter(
    (archive) => !until || new Date(readManifest(archive).consistentAt) <= until,
  );
  const chosen = candidates.at(-1);
  if (!chosen)
    throw new RestoreRefused(`Aucune sauvegarde ${until ? 'antérieure à ce moment ' : ''}dans ${snapshotsDir}.`);
  return chosen;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { until: { type: 'string' }, into: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const settings = readBackupSettings();
  const [file] = positionals;
  if (!file)
    throw new RestoreRefused(
      'Indiquez la sauvegarde : npm run restore -- FICHIER|latest [--until "AAAA-MM-JJ HH:MM"] [--into DOSSIER] [--force]',
    );
  const until = values.until === undefined ? null : parseRestorePoint(values.until);
  if (values.until !== undefined && !until)
    throw new RestoreRefused(`--until "${values.until}" : écrivez l’heure de Paris ainsi : "2026-12-07 14:05".`);
  const archive = chooseArchive(file, settings.snapshotsDir, until);
  const manifest = readManifest(archive);
  if (until && until < new Date(manifest.consistentAt))
    throw new RestoreRefused(
      `Cette sauvegarde est cohérente au ${formatParis(new Date(manifest.consistentAt))}, après le moment demandé : prenez-en une plus ancienne (ou « latest »).`,
    );

  const intoDir = path.resolve(values.into ?? settings.dataDir);
  if (existsSync(path.join(intoDir, 'postmaster.pid')) && (await acceptsConnections(embeddedUrl(settings.port))))
    throw new RestoreRefused(
      `La boutique tourne sur ${intoDir} : arrêtez-la (Ctrl+C sur npm start) avant de restaurer.`,
    );
  if (values.force && existsSync(intoDir) && readdirSync(intoDir).length > 0) {
    const aside = `${intoDir}.avant-restauration-${new Date().toISOString().replaceAll(':', '-')}`;
    renameSync(intoDir, aside);
    console.log(`L’ancienne base est mise de côté : ${aside}`);
  }
  assertEmptyTarget(intoDir);

  const target: RecoveryTarget = until ? { time: until } : 'latest';
  console.log(
    `Restauration de ${path.basename(archive)} dans ${intoDir}, ${until ? `jusqu’au ${formatParis(until)}` : 'jusqu’au dernier WAL archivé'}…`,
  );
  const restored = await recoverCluster({
    archive,
    intoDir,
    walDir: settings.walDir,
    target,
    // Only the shop's own cluster continues its history; a copy restored elsewhere (to look at
    // it, to test a backup) must not tell the archive about a timeline the shop does not follow.
    archiveNewTimeline: intoDir === path.resolve(settings.dataDir),
  });
  // What happened after the restored minute and left traces elsewhere: e-mails sent, payments.
  const since = until ?? new Date(manifest.consistentAt);
  try {
    const resent = await markJournalSent(restored.url, sentEmailJournal(settings.journalDir), since);
    const erased = await reapplyErasures(restored.url, erasureJournal(settings.journalDir), since);
    await replayStripeEventsSince(restored.url, since);
    const shop = await measureShop(restored.url);
    console.log(
      [
        `Base restaurée : ${shop.orders.count} commandes, ${shop.ledger.count} mouvements de stock (solde ${shop.ledger.quantity}), ${shop.refunds.count} remboursements.`,
        `${resent} courriel(s) déjà envoyés après ce moment marqués comme envoyés (ils ne partiront pas deux fois).`,
        `${erased} effacement(s) de données personnelles demandés depuis ce moment appliqués de nouveau.`,
        `Les paiements reçus par Stripe depuis ce moment seront réappliqués par la boutique à son démarrage.`,
        values.into ? `Dossier restauré : ${intoDir}.` : 'Relancez la boutique : npm start.',
      ].join('\n'),
    );
  } finally {
    await restored.stop();
  }
  if (until) {
    const moved = setAsideLaterBackups(settings.snapshotsDir, until);
    if (moved > 0)
      console.log(
        `${moved} sauvegarde(s) postérieure(s) à ce moment décrivent une histoire abandonnée : déplacées dans ${path.join(settings.snapshotsDir, ABANDONED_DIR)}.`,
      );
  }
}

/**
 * The restored database lost the payments recorded after `since`, and their webhooks were
 * delivered then: the worker's reconciliation applies every event since (scripts/worker.ts).
 */
async function replayStripeEventsSince(url: string, since: Date): Promise<void> {
  const boss = new PgBoss({ connectionString: url, max: 1 });
  await boss.start();
  try {
    await boss.send(QUEUE_NAMES.stripeReconcile, { since: since.toISOString() }, { retryLimit: 30, retryDelay: 60 });
  } finally {
    await boss.stop({ graceful: false });
  }
}

const ABANDONED_DIR = 'abandonnees';

/**
 * Backups taken after the restored minute belong to the history the restore abandoned: a later
 * restore from one of them would not follow the new timeline. They are kept aside, not deleted.
 */
function setAsideLaterBackups(snapshotsDir: string, until: Date): number {
  const later = listBackups(snapshotsDir).filter((archive) => new Date(readManifest(archive).consistentAt) > until);
  if (later.length === 0) return 0;
  const aside = path.join(snapshotsDir, ABANDONED_DIR);
  mkdirSync(aside, { recursive: true });
  for (const archive of later) {
    renameSync(manifestFile(archive), path.join(aside, path.basename(manifestFile(archive))));
    renameSync(archive, path.join(aside, path.basename(archive)));
  }
  return later.length;
}

main().catch((error: unknown) => {
  console.error(error instanceof RestoreRefused ? error.message : error);
  process.exit(error instanceof RestoreRefused ? 2 : 1);
});
