import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, SEED_BOOK } from './support/shop';
import { E2E_PORTS } from './support/ports';

// Search as a reader types it (typos, ISBNs), and an ONIX import whose update shows on the
// book page at once.

test('a typo still finds the book, with the corrected words shown', async ({ page }) => {
  await page.goto('/recherche?q=dhume%20cooperaton');
  await expect(page.getByRole('note')).toContainText('Résultats pour « dhume cooperation »');
  const results = page.getByRole('list', { name: 'Résultats de la recherche' });
  await expect(results.getByRole('heading').first()).toHaveText(SEED_BOOK.title);
});

test('an ISBN-10 or a hyphenated ISBN-13 opens the result of that book only', async ({ page }) => {
  for (const isbn of ['2-296-01368-6', '978-2-296-01368-1']) {
    await page.goto(`/recherche?q=${encodeURIComponent(isbn)}`);
    await expect(page.getByText('Livre trouvé par son ISBN.')).toBeVisible();
    const results = page.getByRole('list', { name: 'Résultats de la recherche' });
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results.getByRole('heading')).toHaveText(SEED_BOOK.title);
  }
});

test('search facets narrow the results by theme', async ({ page }) => {
  await page.goto('/recherche?q=droit');
  const facets = page.getByRole('navigation', { name: 'Affiner la recherche' });
  await facets
    .getByRole('region', { name: 'Thème' })
    .getByRole('link', { name: /^Droit \(\d+\)$/ })
    .click();
  await expect(page).toHaveURL(/theme=droit/);
  await expect(facets.getByText(/^Droit \(\d+\)$/)).toHaveAttribute('aria-current', 'true');
});

const EAN = '9782811100070';
const DATABASE_URL = `postgresql://librairie:librairie-local@127.0.0.1:${E2E_PORTS.database}/librairie`;

function feed(notification: '03' | '05', title: string, price: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-e2e-'));
  const file = path.join(folder, 'flux.xml');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<ONIXMessage release="3.0">
  <Header><Sender><SenderIdentifier><SenderIDType>06</SenderIDType><IDValue>3012345000096</IDValue></SenderIdentifier>
    <SenderName>Diffusion de bout en bout</SenderName></Sender></Header>
  <Product>
    <RecordReference>e2e-${EAN}</RecordReference>
    <NotificationType>${notification}</NotificationType>
    <ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${EAN}</IDValue></ProductIdentifier>
    <DescriptiveDetail>
      <ProductForm>BC</ProductForm>
      <TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel>
        <TitleText>${title}</TitleText></TitleElement></TitleDetail>
      <Contributor><SequenceNumber>1</SequenceNumber><ContributorRole>A01</ContributorRole>
        <PersonName>Maëlys Tournebride</PersonName></Contributor>
      <Subject><SubjectSchemeIdentifier>93</SubjectSchemeIdentifier><SubjectCode>JPQB</SubjectCode></Subject>
    </DescriptiveDetail>
    <PublishingDetail><Publisher><PublishingRole>01</PublishingRole><PublisherName>Presses du rivage</PublisherName></Publisher>
      <PublishingDate><PublishingDateRole>01</PublishingDateRole><Date>20250310</Date></PublishingDate></PublishingDetail>
    <ProductSupply><SupplyDetail>
      <Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>3012345000096</IDValue></SupplierIdentifier>
        <SupplierName>Diffusion de bout en bout</SupplierName></Supplier>
      <ProductAvailability>20</ProductAvailability>
      <Price><PriceType>04</PriceType><PriceAmount>${price}</PriceAmount><CurrencyCode>EUR</CurrencyCode></Price>
    </SupplyDetail></ProductSupply>
  </Product>
</ONIXMessage>`,
  );
  return file;
}

async function importFeed(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/import-onix.ts', file],
    { env: { ...process.env, DATABASE_URL }, timeout: 60_000 },
  );
  return stdout;
}

test('an ONIX import creates a book, its update shows at once, its deletion takes it off the shop', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(await importFeed(feed('03', 'Les communs du littoral', '19.00'))).toMatch(/créées\s+1/);
  await page.goto(`/livre/${EAN}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les communs du littoral');
  const main = page.getByRole('main');
  await expect(main.getByText(/^19,00\s€$/)).toBeVisible();
  await expect(main.getByRole('link', { name: 'Maëlys Tournebride' }).first()).toBeVisible();

  expect(await importFeed(feed('03', 'Les communs du littoral et des estuaires', '21.50'))).toMatch(/mises à jour\s+1/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les communs du littoral et des estuaires');
  await expect(main.getByText(/^21,50\s€$/)).toBeVisible();
  await page.goto('/recherche?q=estuaires%20tournebride');
  await expect(page.getByRole('link', { name: 'Les communs du littoral et des estuaires' })).toBeVisible();

  expect(await importFeed(feed('05', 'Les communs du littoral et des estuaires', '21.50'))).toMatch(/supprimées\s+1/);
  const response = await page.goto(`/livre/${EAN}`);
  expect(response?.status()).toBe(404);
  await page.goto('/recherche?q=estuaires%20tournebride');
  await expect(page.getByRole('link', { name: 'Les communs du littoral et des estuaires' })).toHaveCount(0);
});
