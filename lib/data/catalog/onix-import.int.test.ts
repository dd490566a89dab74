import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OnixBook } from '@/lib/onix/onix-product';

// Real PostgreSQL with the migrations and the demo catalog (scripts/test/database-setup.ts).
const SAMPLES = path.join(import.meta.dirname, '../../onix/samples');
let data: typeof import('./onix-import') &
  typeof import('./onix-records') &
  typeof import('@/lib/data/storefront/books');
let db: Awaited<ReturnType<typeof import('@/lib/db').getDb>>;

beforeAll(async () => {
  data = {
    ...(await import('./onix-import')),
    ...(await import('./onix-records')),
    ...(await import('@/lib/data/storefront/books')),
  };
  db = (await import('@/lib/db')).getDb();
});

const importFile = (file: string) => data.importOnixFile(db, file, { fileName: path.basename(file) });

function deletionFeed(ean: string, gln: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-delete-'));
  const file = path.join(folder, `suppression-${gln}.xml`);
  writeFileSync(
    file,
    `<?xml version="1.0"?><ONIXMessage release="3.0"><Header><Sender><SenderIdentifier><SenderIDType>06</SenderIDType>` +
      `<IDValue>${gln}</IDValue></SenderIdentifier></Sender></Header><Product><RecordReference>del-${ean}</RecordReference>` +
      `<NotificationType>05</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue>` +
      `</ProductIdentifier></Product></ONIXMessage>`,
  );
  return file;
}

const NEW_EAN = '9782811100001';
const GLN_A = '3012345000010';
const GLN_B = '3012345000027';

describe('importOnixFile', () => {
  it('creates, updates and rejects odd records whole, with a stored report', async () => {
    const report = await importFile(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(report).toMatchObject({
      status: 'finished',
      failure: null,
      counts: { products: 7, created: 1, updated: 1, deleted: 0, unchanged: 1, rejected: 4 },
    });
    expect(report.rejections.map((r) => [r.recordReference, r.reason])).toEqual([
      ['exemple-mauvais-ean', 'EAN invalide « 9782811100002 »'],
      ['exemple-sans-prix', 'aucun prix de vente fixé en euros (PriceType 04, EUR)'],
      ['exemple-date-fausse', 'date de publication invalide « 20251345 »'],
      ['exemple-partiel', 'mise à jour sans bloc lu (CollateralDetail, PublishingDetail ou ProductSupply)'],
    ]);
    const stored = await db.onixImport.findUniqueOrThrow({
      where: { id: report.importId },
      include: { rejections: { orderBy: { line: 'asc' } } },
    });
    expect(stored).toMatchObject({ status: 'finished', sender: 'Diffusion Exemple', created: 1, rejected: 4 });
    expect(stored.rejections.map((r) => r.line)).toEqual(
      [...stored.rejections.map((r) => r.line)].sort((a, b) => a - b),
    );
    expect(stored.rejections[0]?.line).toBeGreaterThan(1);
    // Nothing of a rejected record is written.
    expect(await db.book.count({ where: { ean: { in: ['9782811100018', '9782811100025', '9782811100032'] } } })).toBe(
      0,
    );

    const page = await data.getBookPage(NEW_EAN);
    expect(page).toMatchObject({
      title: 'La subsidiarité au village',
      subtitle: 'Enquête sur trois communes du Vercors',
      pageCount: 212,
      priceCents: 2350,
      publisher: { name: 'Presses alpines' },
      collection: { name: 'Territoires en débat' },
      collectionNumber: '42',
      descriptionParagraphs: ['Trois communes, une même question.', 'Qui décide de quoi ?'],
      availability: { state: 'to_order', orderable: true },
    });
    expect(page?.contributors.map((c) => [c.name, c.role])).toEqual([
      ['Ysaline Quennehen-Brossard', 'A01'],
      ['Odilon Vauquelin', 'A15'],
    ]);
    // Thema LNDU is "Collectivités territoriales" in the demo tree.
    expect(page?.themes.at(-1)?.name).toBe('Collectivités territoriales');

    const updated = await data.getBookPage('9782707194336');
    expect(updated).toMatchObject({ subtitle: 'Nouvelle édition', pageCount: 136, priceCents: 1100 });
  });

  it('finds nothing to change in the same file again', async () => {
    const report = await importFile(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 4 });
  });

  it('keeps one supply per distributor of the same EAN, and shows the best', async () => {
    const report = await importFile(path.join(SAMPLES, 'distributeur-b-short.xml'));
    expect(report.counts).toMatchObject({ products: 2, created: 1, updated: 1, rejected: 0 });
    const book = await db.book.findUniqueOrThrow({
      where: { ean: NEW_EAN },
      select: {
        supplier: { select: { gln: true } },
        supplierAvailabilityCode: true,
        availability: true,
        supplies: { select: { availabilityCode: true, supplier: { select: { gln: true } } } },
      },
    });
    expect(book.supplies.map((s) => [s.supplier.gln, s.availabilityCode]).sort()).toEqual([
      [GLN_A, '21'],
      [GLN_B, '51'],
    ]);
    expect(book).toMatchObject({ supplier: { gln: GLN_A }, supplierAvailabilityCode: '21', availability: 'to_order' });
    // An unknown list 65 code and an unknown Thema code: unavailable, in the catch-all theme.
    expect(await data.getBookPage('9782811100056')).toMatchObject({
      availability: { state: 'unavailable', orderable: false },
      themes: [{ name: 'Autres livres' }],
    });
  });

  it('deletes one distributor’s supply, then delists the book when none is left', async () => {
    const first = await importFile(deletionFeed(NEW_EAN, GLN_A));
    expect(first.counts).toMatchObject({ deleted: 1, rejected: 0 });
    expect(await data.getBookPage(NEW_EAN)).toMatchObject({ availability: { state: 'out_of_print' } });

    const last = await importFile(deletionFeed(NEW_EAN, GLN_B));
    expect(last.counts).toMatchObject({ deleted: 1 });
    expect(await data.getBookPage(NEW_EAN)).toBeNull();
    const row = await db.book.findUniqueOrThrow({ where: { ean: NEW_EAN }, select: { delistedAt: true } });
    expect(row.delistedAt).not.toBeNull();

    // A distributor the shop does not know cannot delete anything.
    const unknown = await importFile(deletionFeed('9782707194336', '3012345000034'));
    expect(unknown.counts).toMatchObject({ rejected: 1 });
    expect(unknown.rejections[0]?.reason).toBe('suppression : distributeur non identifié');
  });

  it('writes nothing of a record whose transaction fails half-way', async () => {
    const record: OnixBook = {
      notification: 'upsert',
      recordReference: 'echec',
      ean: '9782811100063',
      title: 'Un livre qui ne sera pas écrit',
      subtitle: null,
      contributors: [{ name: 'Personne Inédite', sortName: 'Inédite, Personne', role: 'A01', biography: null }],
      publisherName: 'Éditions Jamais Vues',
      imprintName: null,
      collection: { name: 'Collection fantôme', number: null },
      clilCodes: [],
      themaCodes: [],
      description: null,
      pageCount: null,
      publishedOn: null,
      productForm: 'BC',
      // Too long for the column: the book's INSERT fails after the publisher and the person were written.
      languageCode: 'fran',
      priceCents: 1000,
      vatRateBasisPoints: 550,
      supplies: [{ gln: GLN_A, name: null, availabilityCode: '20', expectedOn: null }],
      hash: 'x',
    };
    const context = {
      themes: await data.loadThemeIndex(db),
      cache: data.newImportCache(),
      sender: { gln: null, name: null },
    };
    await expect(data.applyRecord(db, record, context)).rejects.toThrow();
    expect(await db.publisher.count({ where: { name: 'Éditions Jamais Vues' } })).toBe(0);
    expect(await db.contributor.count({ where: { name: 'Personne Inédite' } })).toBe(0);
    expect(await db.collection.count({ where: { name: 'Collection fantôme' } })).toBe(0);
    expect(await db.book.count({ where: { ean: '9782811100063' } })).toBe(0);
  });

  it('applies block updates (NotificationType 04): only the blocks sent change, beside full records in one file', async () => {
    const ean = '9782707194336';
    const before = await data.getBookPage(ean);
    const blockFile = (products: string) => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-blocks-'));
      const file = path.join(folder, 'mises-a-jour.xml');
      writeFileSync(
        file,
        `<?xml version="1.0"?><ONIXMessage release="3.1"><Header><Sender><SenderName>Diffusion Exemple</SenderName>` +
          `<SenderIdentifier><SenderIDType>06</SenderIDType><IDValue>${GLN_A}</IDValue></SenderIdentifier></Sender></Header>` +
          `${products}</ONIXMessage>`,
      );
      return file;
    };
    const id = (value: string) =>
      `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${value}</IDValue></ProductIdentifier>`;
    const supply = (availability: string, price: string) =>
      `<ProductSupply><SupplyDetail><Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>${GLN_A}</IDValue>` +
      `</SupplierIdentifier><SupplierName>Diffusion Exemple</SupplierName></Supplier><ProductAvailability>${availability}</ProductAvailability>` +
      `<Price><PriceType>04</PriceType><PriceAmount>${price}</PriceAmount><Tax><TaxRatePercent>5.5</TaxRatePercent></Tax>` +
      `<CurrencyCode>EUR</CurrencyCode></Price></SupplyDetail></ProductSupply>`;

    // ProductSupply only: a new fixed price and a new availability; nothing else moves.
    const priced = await importFile(
      blockFile(
        `<Product><RecordReference>maj-prix</RecordReference><NotificationType>04</NotificationType>${id(ean)}${supply('40', '12.90')}</Product>` +
          `<Product><RecordReference>maj-inconnu</RecordReference><NotificationType>04</NotificationType>${id('9782811100094')}${supply('21', '9.00')}</Product>`,
      ),
    );
    expect(priced.counts).toMatchObject({ products: 2, updated: 1, rejected: 1 });
    expect(priced.rejections[0]?.reason).toBe(
      'mise à jour d’un produit inconnu : sa notice complète n’a jamais été reçue',
    );
    const after = await data.getBookPage(ean);
    expect(after).toMatchObject({
      priceCents: 1290,
      title: before!.title,
      subtitle: before!.subtitle,
      pageCount: before!.pageCount,
      descriptionParagraphs: before!.descriptionParagraphs,
      publishedOn: before!.publishedOn,
    });
    expect(after!.contributors).toEqual(before!.contributors);
    // This distributor's new availability is recorded; the book's best supply is chosen again from all.
    const supplies = await db.bookSupply.findMany({
      where: { book: { ean }, supplier: { gln: GLN_A } },
      select: { availabilityCode: true },
    });
    expect(supplies).toEqual([{ availabilityCode: '40' }]);

    // PublishingDetail only, beside a full record: the date moves, the price stays; the full one is applied.
    const published = await importFile(
      blockFile(
        `<Product><RecordReference>maj-date</RecordReference><NotificationType>04</NotificationType>${id(ean)}` +
          `<PublishingDetail><Publisher><PublishingRole>01</PublishingRole><PublisherName>${before!.publisher.name}</PublisherName></Publisher>` +
          `<PublishingDate><PublishingDateRole>01</PublishingDateRole><Date>20270115</Date></PublishingDate></PublishingDetail></Product>`,
      ),
    );
    expect(published.counts).toMatchObject({ updated: 1, rejected: 0 });
    const dated = await db.book.findUniqueOrThrow({
      where: { ean },
      select: { publishedOn: true, publisherPriceCents: true },
    });
    expect(dated).toEqual({ publishedOn: new Date('2027-01-15T00:00:00Z'), publisherPriceCents: 1290 });
    // One file, both kinds: a full record of a new book and a block update of another.
    const fresh = '9782811100100';
    const full =
      `<Product><RecordReference>complet</RecordReference><NotificationType>03</NotificationType>${id(fresh)}` +
      `<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType>` +
      `<TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Un livre et une mise à jour</TitleText></TitleElement></TitleDetail>` +
      `</DescriptiveDetail><PublishingDetail><Publisher><PublishingRole>01</PublishingRole><PublisherName>Presses alpines</PublisherName>` +
      `</Publisher></PublishingDetail>${supply('21', '15.00')}</Product>`;
    const both = await importFile(
      blockFile(
        `${full}<Product><RecordReference>maj</RecordReference><NotificationType>04</NotificationType>${id(ean)}${supply('21', '13.40')}</Product>`,
      ),
    );
    expect(both.counts).toMatchObject({ products: 2, created: 1, updated: 1, rejected: 0 });
    expect(await data.getBookPage(fresh)).toMatchObject({ title: 'Un livre et une mise à jour', priceCents: 1500 });
    expect((await data.getBookPage(ean))?.priceCents).toBe(1340);

    const mixed = await importFile(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(mixed.counts.updated + mixed.counts.unchanged).toBeGreaterThan(0);
    // The full record of the same book came after: it is applied whole again (its price back).
    expect((await data.getBookPage(ean))?.priceCents).toBe(1100);
  });

  it('reports a file that is not ONIX as failed', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-bad-'));
    const file = path.join(folder, 'pas-onix.xml');
    writeFileSync(file, '<html><body>bonjour</body></html>');
    const report = await importFile(file);
    expect(report).toMatchObject({ status: 'failed', counts: { products: 0 } });
    expect(report.failure).toContain('n’est pas un message ONIX');
  });
});
