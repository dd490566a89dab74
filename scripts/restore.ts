// `npm run restore -- FICHIER|latest [--until "AAAA-MM-JJ HH:MM"] [--into DOSSIER] [--force]`:
// a base backup restored into an empty cluster folder (by default the embedded one of
// `npm start`), replayed from the WAL archive to the given minute (Paris time) or to the last one
// archived; then the e-mails sent since are marked sent. An existing cluster is never written
// over: --force moves it aside first.
import { existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { acceptsConnections, embeddedUrl } from './lib/embedded-postgres';
import { listBackups, readManifest } from './lib/backup/manifest';
import { assertEmptyTarget, recoverCluster, RestoreRefused, type RecoveryTarget } from './lib/backup/recovery';
import { formatParis, parseRestorePoint } from './lib/backup/restore-point';
import { markJournalSent } from './lib/backup/sent-emails';
import { readBackupSettings, sentEmailJournal } from './lib/backup/settings';
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
  const restored = await recoverCluster({ archive, intoDir, walDir: settings.walDir, target });
  try {
    const resent = await markJournalSent(restored.url, sentEmailJournal(settings.journalDir));
    const shop = await measureShop(restored.url);
    console.log(
      [
        `Base restaurée : ${shop.orders.count} commandes, ${shop.ledger.count} mouvements de stock (solde ${shop.ledger.quantity}), ${shop.refunds.count} remboursements.`,
        `${resent} courriel(s) déjà envoyés après ce moment marqués comme envoyés (ils ne partiront pas deux fois).`,
        values.into ? `Dossier restauré : ${intoDir}.` : 'Relancez la boutique : npm start.',
      ].join('\n'),
    );
  } finally {
    await restored.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof RestoreRefused ? error.message : error);
  process.exit(error instanceof RestoreRefused ? 2 : 1);
});
