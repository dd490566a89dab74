import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEan } from '@/scripts/test/fixtures/books';

// The watched inbox on a real PostgreSQL: a dropped file imported once, even by two workers at
// the same minute; the same file dropped again imports nothing; a file that is not ONIX is set
// aside with its reason.
let inbox: typeof import('./onix-inbox');
let db: Awaited<ReturnType<typeof import('@/lib/db').getDb>>;

beforeAll(async () => {
  inbox = await import('./onix-inbox');
  db = (await import('@/lib/db')).getDb();
});

const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

/** A distributor's file of one full record, a book no other test knows. */
function onixFile(ean: string): string {
  return (
    `<?xml version="1.0"?><ONIXMessage release="3.0"><Header><Sender><SenderName>Diffusion Boîte</SenderName>` +
    `<SenderIdentifier><SenderIDType>06</SenderIDType><IDValue>3012345000041</IDValue></SenderIdentifier></Sender></Header>` +
    `<Product><RecordReference>boite-${ean}</RecordReference><NotificationType>03</NotificationType>` +
    `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue></ProductIdentifier>` +
    `<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm>` +
    `<TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel>` +
    `<TitleText>Un livre arrivé par la boîte</TitleText></TitleElement></TitleDetail></DescriptiveDetail>` +
    `<PublishingDetail><Publisher><PublishingRole>01</PublishingRole><PublisherName>Éditions de la Boîte</PublisherName></Publisher></PublishingDetail>` +
    `<ProductSupply><SupplyDetail><Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>3012345000041</IDValue></SupplierIdentifier>` +
    `<SupplierName>Diffusion Boîte</SupplierName></Supplier><ProductAvailability>21</ProductAvailability>` +
    `<Price><PriceType>04</PriceType><PriceAmount>18.00</PriceAmount><CurrencyCode>EUR</CurrencyCode></Price></SupplyDetail></ProductSupply>` +
    `</Product></ONIXMessage>`
  );
}

describe('the ONIX inbox', () => {
  it('imports a dropped file once, whatever the workers; the same file again imports nothing; a bad one is set aside', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-inbox-'));
    const ean = testEan();
    writeFileSync(path.join(folder, 'livraison-du-jour.xml'), onixFile(ean));
    const before = await db.onixImport.count();

    // Two workers at the same minute: one takes the inbox, the other finds it taken.
    const [a, b] = await Promise.all([inbox.importInbox(folder), inbox.importInbox(folder)]);
    expect(a.imported + b.imported).toBe(1);
    expect(await db.onixImport.count()).toBe(before + 1);
    const run = await db.onixImport.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(run).toMatchObject({ fileName: 'livraison-du-jour.xml', status: 'finished' });
    expect(run.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run).toMatchObject({ created: 1, rejected: 0 });
    expect(await db.book.count({ where: { ean } })).toBe(1);
    expect(filesIn(folder).filter((name) => name.endsWith('.xml'))).toEqual([]);
    expect(filesIn(path.join(folder, inbox.INBOX_FOLDERS.done))).toHaveLength(1);

    // Dropped again (another name, the same content): nothing imported.
    writeFileSync(path.join(folder, 'renvoi.xml'), onixFile(ean));
    expect(await inbox.importInbox(folder)).toEqual({ imported: 0, duplicates: 1, failed: 0 });
    expect(await db.onixImport.count()).toBe(before + 1);

    // Not ONIX: imported as failed, set aside with its reason.
    writeFileSync(path.join(folder, 'pas-onix.xml'), '<html>bonjour</html>');
    expect(await inbox.importInbox(folder)).toEqual({ imported: 0, duplicates: 0, failed: 1 });
    const refused = filesIn(path.join(folder, inbox.INBOX_FOLDERS.failed));
    const reason = refused.find((name) => name.endsWith('.motif.txt'));
    expect(reason).toBeDefined();
    expect(readFileSync(path.join(folder, inbox.INBOX_FOLDERS.failed, reason!), 'utf8')).toContain('ONIX');

    const listed = await inbox.listOnixImports(5);
    expect(listed.find((row) => row.fileName === 'pas-onix.xml')).toMatchObject({ status: 'failed' });
  });
});
