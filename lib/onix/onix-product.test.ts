import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mapProduct, type MappedProduct, type OnixBook } from './onix-product';
import { OnixFileError, openOnixFile, readOnix, type OnixEvent } from './onix-reader';

const SAMPLES = path.join(import.meta.dirname, 'samples');

async function readAll(file: string): Promise<OnixEvent[]> {
  const events: OnixEvent[] = [];
  for await (const event of readOnix(await openOnixFile(file))) events.push(event);
  return events;
}

async function mapAll(file: string): Promise<MappedProduct[]> {
  return (await readAll(file)).flatMap((e) => (e.kind === 'product' ? [mapProduct(e.product)] : []));
}

const book = (mapped: MappedProduct | undefined): OnixBook => {
  if (!mapped?.ok || mapped.record.notification !== 'upsert') throw new Error(`not a book: ${JSON.stringify(mapped)}`);
  return mapped.record;
};

describe('readOnix and mapProduct on a reference-name feed', () => {
  it('reads the header and every product with its line', async () => {
    const events = await readAll(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(events[0]).toEqual({
      kind: 'header',
      header: { senderName: 'Diffusion Exemple', senderGln: '3012345000010' },
    });
    const products = events.filter((e) => e.kind === 'product');
    expect(products).toHaveLength(7);
    expect(products[0]).toMatchObject({ line: 13, problem: null });
  });

  it('maps a full record', async () => {
    const [first] = await mapAll(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(book(first)).toMatchObject({
      ean: '9782811100001',
      recordReference: 'exemple-9782811100001',
      title: 'La subsidiarité au village',
      subtitle: 'Enquête sur trois communes du Vercors',
      contributors: [
        {
          name: 'Ysaline Quennehen-Brossard',
          sortName: 'Quennehen-Brossard, Ysaline',
          role: 'A01',
          biography: 'Ysaline Quennehen-Brossard est géographe à Grenoble.',
        },
        { name: 'Odilon Vauquelin', sortName: 'Vauquelin, Odilon', role: 'A15', biography: null },
      ],
      publisherName: 'Presses alpines',
      imprintName: 'Éditions du Col',
      collection: { name: 'Territoires en débat', number: '42' },
      clilCodes: ['3263'],
      themaCodes: ['LNDU'],
      description: 'Trois communes, une même question.\n\nQui décide de quoi ?',
      pageCount: 212,
      publishedOn: new Date('2025-09-15T00:00:00Z'),
      productForm: 'BC',
      languageCode: 'fre',
      priceCents: 2350,
      vatRateBasisPoints: 550,
      supplies: [{ gln: '3012345000010', name: 'Diffusion Exemple', availabilityCode: '21', expectedOn: null }],
    });
  });

  it('rejects odd records with a reason and reads deletions', async () => {
    const mapped = await mapAll(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(mapped.slice(2).map((m) => (m.ok ? m.record.notification : m.reason))).toEqual([
      'EAN invalide « 9782811100002 »',
      'aucun prix de vente fixé en euros (PriceType 04, EUR)',
      'date de publication invalide « 20251345 »',
      'mise à jour sans bloc lu (CollateralDetail, PublishingDetail ou ProductSupply)',
      'delete',
    ]);
    expect(mapped[2]).toMatchObject({ ok: false, recordReference: 'exemple-mauvais-ean', ean: null });
    expect(mapped[6]).toMatchObject({ ok: true, record: { ean: '9782811100049', supplies: [] } });
  });

  it('gives the same hash to the same record, another to a changed one', async () => {
    const [a] = await mapAll(path.join(SAMPLES, 'distributeur-a.xml'));
    const [again] = await mapAll(path.join(SAMPLES, 'distributeur-a.xml'));
    expect(book(again).hash).toBe(book(a).hash);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-'));
    const changed = path.join(folder, 'changed.xml');
    writeFileSync(changed, readFileSync(path.join(SAMPLES, 'distributeur-a.xml'), 'utf8').replace('23.50', '24.00'));
    const [other] = await mapAll(changed);
    expect(book(other).priceCents).toBe(2400);
    expect(book(other).hash).not.toBe(book(a).hash);
  });
});

describe('short tags, ISO-8859-1 and gzip', () => {
  it('reads short tags in Latin-1 like reference names', async () => {
    const events = await readAll(path.join(SAMPLES, 'distributeur-b-short.xml'));
    expect(events[0]).toEqual({
      kind: 'header',
      header: { senderName: 'Répartiteur Second', senderGln: '3012345000027' },
    });
    const [first, second] = events.flatMap((e) => (e.kind === 'product' ? [mapProduct(e.product)] : []));
    expect(book(first)).toMatchObject({
      ean: '9782811100001',
      title: 'La subsidiarité au village',
      contributors: [{ name: 'Ysaline Quennehen-Brossard', role: 'A01' }],
      supplies: [{ gln: '3012345000027', name: 'Répartiteur Second', availabilityCode: '51' }],
    });
    expect(book(second)).toMatchObject({
      productForm: 'BB',
      pageCount: 96,
      publishedOn: new Date('2024-01-01T00:00:00Z'),
      priceCents: 1800,
      contributors: [{ name: 'Aurélien Lévêque', sortName: 'Lévêque, Aurélien', role: 'B01' }],
      supplies: [{ gln: '3012345000027', name: null, availabilityCode: '77' }],
    });
  });

  it('reads a gzipped file, whatever its name', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-'));
    const file = path.join(folder, 'feed.xml');
    writeFileSync(file, gzipSync(readFileSync(path.join(SAMPLES, 'distributeur-a.xml'))));
    expect((await mapAll(file)).length).toBe(7);
    copyFileSync(file, path.join(folder, 'feed.xml.gz'));
    expect((await mapAll(path.join(folder, 'feed.xml.gz'))).length).toBe(7);
  });

  it('stops on malformed XML and on another ONIX release, with the line', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-'));
    const broken = path.join(folder, 'broken.xml');
    writeFileSync(
      broken,
      '<ONIXMessage release="3.0">\n<Product>\n<RecordReference>x</Record>\n</Product></ONIXMessage>',
    );
    await expect(readAll(broken)).rejects.toMatchObject({ name: 'OnixFileError', line: 3 });
    const old = path.join(folder, 'old.xml');
    writeFileSync(old, '<ONIXMessage release="2.1"><Product/></ONIXMessage>');
    await expect(readAll(old)).rejects.toBeInstanceOf(OnixFileError);
  });
});
