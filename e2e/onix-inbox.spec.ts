import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { booksFromSupplier, createStaff, expectNoAxeViolation, logIn } from './support/admin';
import { expect, test } from './support/shop';

// A distributor's file dropped in the shop's ONIX inbox (.data/e2e/onix-inbox, as npm start sets
// it) is imported by the worker within a minute, its report on /admin/catalogue/imports; dropped
// again, it imports nothing.

test.describe.configure({ timeout: 240_000 });

const INBOX = path.join('.data/e2e/onix-inbox');

function blockUpdate(ean: string, price: string): string {
  return (
    `<?xml version="1.0"?><ONIXMessage release="3.1"><Header><Sender><SenderName>Diffusion Quotidienne</SenderName></Sender></Header>` +
    `<Product><RecordReference>quotidien-${ean}</RecordReference><NotificationType>04</NotificationType>` +
    `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue></ProductIdentifier>` +
    `<ProductSupply><SupplyDetail><Supplier><SupplierName>L'Harmattan Diffusion</SupplierName></Supplier>` +
    `<ProductAvailability>21</ProductAvailability><Price><PriceType>04</PriceType><PriceAmount>${price}</PriceAmount>` +
    `<CurrencyCode>EUR</CurrencyCode></Price></SupplyDetail></ProductSupply></Product></ONIXMessage>`
  );
}

test('a file dropped in the inbox is imported within a minute, its report on the page; dropped again, nothing', async ({
  page,
  db,
}) => {
  const [picked] = await booksFromSupplier(db, 1);
  const { rows } = await db.query<{ ean: string; publisherPriceCents: number }>(
    `SELECT "ean", "publisherPriceCents" FROM "Book" WHERE "ean" = $1`,
    [picked!.ean],
  );
  const book = rows[0]!;
  const newPrice = book.publisherPriceCents + 100;
  const fileName = `prix-du-jour-${Date.now()}.xml`;
  mkdirSync(INBOX, { recursive: true });
  const content = blockUpdate(book.ean, (newPrice / 100).toFixed(2));
  writeFileSync(path.join(INBOX, fileName), content);

  await logIn(page, await createStaff(db, 'libraire', 'Libraire Imports'));
  await expect
    .poll(
      async () => {
        await page.goto('/admin/catalogue/imports');
        return page.getByRole('row', { name: new RegExp(fileName) }).count();
      },
      { timeout: 100_000, intervals: [5_000], message: 'the dropped file on the imports page' },
    )
    .toBe(1);
  const row = page.getByRole('row', { name: new RegExp(fileName) });
  await expect(row).toContainText('Terminé');
  await expect(row).toContainText('0 / 1 / 0 / 0');
  await expectNoAxeViolation(page);
  const { rows: priced } = await db.query<{ publisherPriceCents: number }>(
    `SELECT "publisherPriceCents" FROM "Book" WHERE "ean" = $1`,
    [book.ean],
  );
  expect(priced[0]?.publisherPriceCents).toBe(newPrice);

  // The same file again, under another name: set aside as already imported, no new report.
  const again = `renvoi-${fileName}`;
  writeFileSync(path.join(INBOX, again), content);
  const duplicates = path.join(INBOX, 'deja-importes');
  await expect
    .poll(() => (existsSync(duplicates) ? readdirSync(duplicates).some((name) => name.endsWith(again)) : false), {
      timeout: 100_000,
      intervals: [5_000],
      message: 'the file set aside as already imported',
    })
    .toBe(true);
  const { rows: runs } = await db.query(`SELECT 1 FROM "OnixImport" WHERE "fileName" = $1`, [again]);
  expect(runs).toHaveLength(0);
});
