// `npm run backup`: a base backup of the embedded PostgreSQL, checked by a restore, with its
// manifest, in LIBRAIRIE_BACKUP_DIR (default .data/backups); the last LIBRAIRIE_BACKUP_KEEP are
// kept. With the WAL archived by `npm start`, `npm run restore` reaches any minute since.
// A production server has its own tools: docs/deployment.md.
import { acceptsConnections, embeddedUrl, startEmbeddedPostgres } from './lib/embedded-postgres';
import { BackupRefused, takeBaseBackup } from './lib/backup/base-backup';
import { formatParis } from './lib/backup/restore-point';
import { pruneBackups } from './lib/backup/retention';
import { readBackupSettings } from './lib/backup/settings';

async function main(): Promise<void> {
  if (process.env.DATABASE_URL)
    throw new BackupRefused(
      'npm run backup sauvegarde le PostgreSQL intégré de la boutique. Pour un serveur PostgreSQL de production, ' +
        'utilisez ses propres outils (pgBackRest, ou la restauration à un instant du service managé) : docs/deployment.md.',
    );
  const settings = readBackupSettings();
  const url = embeddedUrl(settings.port);
  // The shop is running: back up its server as it works; else start it just for this.
  const running = await acceptsConnections(url);
  const server = running
    ? null
    : await startEmbeddedPostgres({
        dataDir: settings.dataDir,
        port: settings.port,
        database: 'librairie',
        walArchiveDir: settings.walDir,
      });
  try {
    const { archive, manifest } = await takeBaseBackup({
      url,
      dataDir: settings.dataDir,
      snapshotsDir: settings.snapshotsDir,
      walDir: settings.walDir,
      log: (message) => console.log(message),
    });
    const pruned = pruneBackups(settings.snapshotsDir, settings.walDir, settings.keep);
    console.log(
      [
        `Sauvegarde écrite : ${archive} (${(manifest.bytes / 1024 / 1024).toFixed(1)} Mo).`,
        `Cohérente au ${formatParis(new Date(manifest.consistentAt))} ; vérifiée par une restauration en ${(manifest.verifiedInMs / 1000).toFixed(1)} s :`,
        `  ${manifest.shop.orders.count} commandes, ${manifest.shop.ledger.count} mouvements de stock, ${manifest.shop.refunds.count} remboursements.`,
        `Conservées : les ${settings.keep} dernières (${pruned.backups} supprimée(s), ${pruned.segments} segment(s) de WAL devenus inutiles).`,
      ].join('\n'),
    );
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupRefused ? error.message : error);
  process.exit(error instanceof BackupRefused ? 2 : 1);
});
