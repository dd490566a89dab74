import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { seedDemoCatalog } from '@/prisma/seed';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded-postgres';
import { ROOT } from '../project';
import { runPrisma } from '../../prisma';
import { takeBaseBackup } from './base-backup';
import { recoverCluster } from './recovery';
import { markJournalSent } from './sent-emails';
import { reapplyErasures } from './erasures';
import { backupPaths, erasureJournal, sentEmailJournal } from './settings';
import { measureShop } from './shop-measure';

// A lost disk restored to the minute, on real PostgreSQL clusters: a shop with orders, refunds and
// its stock ledger is backed up live, works on, and is restored into a new cluster to a time
// after the later orders and before the last ones; everything up to that time is there, nothing
// after it, the ledger adds up the same, and an e-mail sent after that time is not owed again.
const run = promisify(execFile);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'librairie-backup-test-'));
// The server runs as `postgres` when the tests run as root: it must reach its folders.
chmodSync(tmp, 0o755);
const paths = backupPaths(path.join(tmp, 'postgres'), path.join(tmp, 'backups'));
let server: EmbeddedDatabase;
let db: PrismaClient;

beforeAll(async () => {
  const { freePort } = await import('./recovery');
  server = await startEmbeddedPostgres({
    dataDir: paths.dataDir,
    port: await freePort(),
    database: 'librairie',
    walArchiveDir: paths.walDir,
  });
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
  db = createPrismaClient(server.url);
  await seedDemoCatalog(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

let sequence = 0;

/** `count` paid orders of one copy each: the order, its line, its SALE in the ledger, the shelf one copy less. */
async function sellCopies(bookId: number, count: number, refundEvery = 0): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    sequence += 1;
    const id = await db.$transaction(async (tx) => {
      const order = await tx.order.create({
        data: {
          reference: `LF-TEST${String(sequence).padStart(4, '0')}`,
          status: 'paid',
          email: `lecteur${sequence}@exemple.fr`,
          fullName: `Lecteur ${sequence}`,
          phone: '0612345678',
          deliveryMethod: 'shop_pickup',
          goodsCents: 2900,
          shippingCents: 0,
          totalCents: 2900,
          pricing: {},
          holdExpiresAt: new Date(),
          paidAt: new Date(),
          lines: {
            create: {
              bookId,
              ean: '9782000000000',
              title: 'Livre sauvegardé',
              quantity: 1,
              unitPriceCents: 2900,
              lineTotalCents: 2900,
              vatRateBasisPoints: 550,
              fromStockQuantity: 1,
              backorderQuantity: 0,
              shipWithinMinDays: 0,
              shipWithinMaxDays: 0,
            },
          },
        },
        select: { id: true, lines: { select: { id: true } } },
      });
      await tx.stockMovement.create({ data: { bookId, quantity: -1, reason: 'SALE', orderId: order.id } });
      await tx.stockLevel.update({ where: { bookId }, data: { onHand: { decrement: 1 } } });
      if (refundEvery > 0 && sequence % refundEvery === 0)
        await tx.refund.create({
          data: {
            orderId: order.id,
            idempotencyKey: crypto.randomUUID(),
            status: 'succeeded',
            amountCents: 2900,
            reason: 'withdrawal',
            restock: false,
            appliedAt: new Date(),
            lines: { create: { orderLineId: order.lines[0]!.id, quantity: 1, amountCents: 2900 } },
          },
        });
      return order.id;
    });
    ids.push(id);
  }
  return ids;
}

/** Every WAL segment up to now archived: what a restore to now needs. */
async function archiveUpToNow(): Promise<void> {
  const [switched] = await db.$queryRaw<{ segment: string }[]>`SELECT pg_walfile_name(pg_switch_wal()) AS "segment"`;
  const segment = switched!.segment;
  for (let i = 0; i < 200; i += 1) {
    const [archiver] = await db.$queryRaw<{ last: string | null }[]>`
      SELECT last_archived_wal AS "last" FROM pg_stat_archiver`;
    if (archiver?.last && archiver.last >= segment) return;
    await sleep(100);
  }
  throw new Error(`WAL ${segment} never archived`);
}

describe('a backup and a restore to the minute', () => {
  it('restores every order up to the chosen time, none after, with the same ledger; an e-mail sent since is not owed again', async () => {
    const book = await createTestBook(db, { onHand: 40, withSupplier: false });
    await sellCopies(book.id, 12, 4);

    const { archive, manifest } = await takeBaseBackup({
      url: server.url,
      dataDir: paths.dataDir,
      snapshotsDir: paths.snapshotsDir,
      walDir: paths.walDir,
    });
    // The manifest measured the restored copy: the shop as it was.
    expect(manifest.shop.orders.count).toBe(12);
    expect(manifest.shop.refunds.count).toBe(3);
    expect(manifest.shop).toEqual(await measureShop(server.url));
    expect(manifest.shop.lastMigration).toMatch(/^\d{14}_/);

    // The shop works on after the backup: five more orders, one with its confirmation owed.
    const later = await sellCopies(book.id, 5, 5);
    await db.emailMessage.create({
      data: { kind: 'order_confirmation', orderId: later[0]!, version: 0, toAddress: 'l@exemple.fr', payload: {} },
    });
    await db.emailMessage.create({
      data: { kind: 'order_confirmation', orderId: later[1]!, version: 0, toAddress: 'l@exemple.fr', payload: {} },
    });
    const expected = await measureShop(server.url);
    await sleep(1_100);
    const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS "now"`;
    const restorePoint = clock!.now;
    await sleep(1_100);
    // After the chosen time: three orders the restore must not bring back.
    await sellCopies(book.id, 3);
    // The worker sent the first e-mail after the chosen time, the second one before it (its row
    // was lost with the minutes since): the journal says so; a last line was cut by a crash.
    const references = await db.order.findMany({ where: { id: { in: later.slice(0, 2) } }, orderBy: { id: 'asc' } });
    const entry = (reference: string, sentAt: Date) =>
      JSON.stringify({ kind: 'order_confirmation', reference, version: 0, sentAt: sentAt.toISOString() });
    mkdirSync(paths.journalDir, { recursive: true });
    writeFileSync(
      sentEmailJournal(paths.journalDir),
      [
        entry(references[1]!.reference, new Date(restorePoint.getTime() - 60_000)),
        entry(references[0]!.reference, new Date()),
        '{"cut by a crash',
      ].join('\n'),
    );
    await archiveUpToNow();

    const restored = await recoverCluster({
      archive,
      intoDir: path.join(tmp, 'restored'),
      walDir: paths.walDir,
      target: { time: restorePoint },
    });
    try {
      const shop = await measureShop(restored.url);
      expect(shop.orders).toEqual(expected.orders);
      expect(shop.ledger).toEqual(expected.ledger);
      expect(shop.refunds).toEqual(expected.refunds);
      expect(shop.orders.count).toBe(17);
      expect(await markJournalSent(restored.url, sentEmailJournal(paths.journalDir), restorePoint)).toBe(1);
      // A person erased after the restored minute does not come back with the backup (RGPD art. 17).
      writeFileSync(
        erasureJournal(paths.journalDir),
        `${JSON.stringify({ emailSha256: createHash('sha256').update('lecteur1@exemple.fr').digest('hex'), erasedAt: new Date().toISOString() })}\n`,
      );
      expect(await reapplyErasures(restored.url, erasureJournal(paths.journalDir), restorePoint)).toBe(1);
      const restoredDb = createPrismaClient(restored.url);
      try {
        expect(await restoredDb.order.count({ where: { email: 'lecteur1@exemple.fr' } })).toBe(0);
        expect(await restoredDb.order.count({ where: { contactErasedAt: { not: null } } })).toBe(1);
        const emails = await restoredDb.emailMessage.findMany({ orderBy: { id: 'asc' }, select: { status: true } });
        expect(emails.map((email) => email.status)).toEqual(['sent', 'pending']);
        // The restored shop takes new orders: its sequences went on from where they were.
        await expect(restoredDb.order.count()).resolves.toBe(17);
      } finally {
        await restoredDb.$disconnect();
      }
    } finally {
      await restored.stop();
    }
  }, 180_000);

  it('npm run restore refuses a folder that holds a database, with a clear message, and touches nothing', async () => {
    const occupied = path.join(tmp, 'occupied');
    mkdirSync(occupied, { recursive: true });
    writeFileSync(path.join(occupied, 'PG_VERSION'), '18\n');
    const refused = await run('npx', ['tsx', 'scripts/restore.ts', 'latest', '--into', occupied], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', LIBRAIRIE_BACKUP_DIR: paths.backupDir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Le dossier ${occupied} n’est pas vide`);
    expect(refused.stderr).toContain('--force');
  }, 60_000);
});
