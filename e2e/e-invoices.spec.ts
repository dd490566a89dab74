import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ciiFigures, ciiSchemaErrors, ublSchemaErrors } from '../scripts/test/e-invoice-xml';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { sentEmail } from './support/outbox';
import { createLibrary, signIn } from './support/organisations';
import { addToCart, expect, readerBuys, test, uniqueEmail } from './support/shop';

// E-invoices as people get them (docs/decisions/031-e-invoices.md): a reader downloads the Factur-X
// of their invoice beside its PDF; a library's invoice on account has its Factur-X and UBL in the
// back office, with what Chorus Pro reads, and staff export the period's public invoices as a zip.

test.describe.configure({ timeout: 180_000 });

/** The factur-x.xml a PDF embeds, taken out with poppler's pdfdetach. */
function embeddedXml(pdf: Buffer | Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factur-x-'));
  try {
    const file = path.join(dir, 'facture.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdfdetach', ['-saveall', '-o', dir, file]);
    return readFileSync(path.join(dir, 'factur-x.xml'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** « 24,50 € » → 2450. */
const cents = (shown: string) => Number(shown.replace(/[^\d,]/g, '').replace(',', ''));

test('a reader downloads the Factur-X of their invoice: its XML validates and says the page’s total', async ({
  browser,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext();
  const reader = await context.newPage();
  const reference = await readerBuys(reader, [book!.ean], uniqueEmail('facturx'));
  const confirmation = await sentEmail(db, reference, 'order_confirmation');
  const token = /\/suivi\/([A-Za-z0-9_-]{43})/.exec(confirmation.text ?? '')?.[1];
  await reader.goto(`/suivi/${token}/facture`);
  const article = reader.getByRole('article', { name: /^Facture F\d{4}-\d{6}$/ });
  const number = /F\d{4}-\d{6}/.exec((await article.getByRole('heading', { level: 2 }).textContent()) ?? '')![0];
  const link = article.getByRole('link', { name: `Facture ${number} au format Factur-X` });
  await expect(link).toBeVisible();
  // UBL is for businesses: a reader's invoice has none.
  await expect(article.getByRole('link', { name: /au format UBL/ })).toHaveCount(0);
  await expectNoAxeViolation(reader);

  const response = await reader.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const xml = embeddedXml(await response.body());
  expect(await ciiSchemaErrors(xml)).toEqual([]);
  const total = /Total TTC payé : ([\d\s\u00a0\u202f]+,\d{2}\s€)/.exec(await article.innerText())![1]!;
  expect(ciiFigures(xml)).toMatchObject({ number, typeCode: '380', grandTotalCents: cents(total), dueCents: 0 });
  // The same checks as the PDF's: another format is refused, a UBL of a reader's invoice too.
  expect((await reader.request.get(`/suivi/${token}/facture/pdf?numero=${number}&format=docx`)).status()).toBe(400);
  expect((await reader.request.get(`/suivi/${token}/facture/pdf?numero=${number}&format=ubl`)).status()).toBe(404);
  await context.close();
});

test('a library’s invoice on account: Factur-X and UBL in the back office with Chorus Pro’s fields, and the period’s zip for Chorus Pro', async ({
  browser,
  page,
  db,
}) => {
  const buyer = uniqueEmail('chorus');
  const library = await createLibrary(db, buyer, { chorusServiceCode: 'BU-ACQ' });
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, db, buyer);
  await addToCart(reader, book!.ean);
  await reader.goto('/commande');
  const offer = reader.getByRole('article', { name: `Commande sur compte pour ${library.name}` });
  await offer.getByLabel('Nom et prénom de l’acheteur').fill('Camille Acquéreuse');
  await offer.getByLabel('Numéro de bon de commande (facultatif)').fill('BC-2026-0077');
  await offer.getByRole('radio', { name: /^Livraison à domicile/ }).check();
  await offer.getByRole('button', { name: `Commander sur compte pour ${library.name}` }).click();
  await expect(reader).toHaveURL(/\/compte\/commandes\?commande=LF-/);
  const reference = /commande=(LF-[A-Z0-9]+)/.exec(reader.url())![1]!;
  await context.close();

  await logIn(page, await createStaff(db, 'libraire', 'Libraire Chorus'));
  await page.goto(`/admin/commandes/${reference}`);
  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');
  await page.getByLabel('Transporteur').selectOption({ label: 'Colissimo' });
  await page.getByLabel('Numéro de suivi').fill('6A 1234 5678 902');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(feedback(page)).toHaveText('Commande expédiée.');
  await page.reload();
  const number = /F\d{4}-\d{6}/.exec(
    (await page.getByRole('link', { name: /^Facture F\d{4}-\d{6}$/ }).textContent()) ?? '',
  )![0];
  await expectNoAxeViolation(page);

  const facturX = await page.request.get(
    (await page.getByRole('link', { name: `Facture ${number} au format Factur-X` }).getAttribute('href'))!,
  );
  const xml = embeddedXml(await facturX.body());
  expect(await ciiSchemaErrors(xml)).toEqual([]);
  expect(ciiFigures(xml)).toMatchObject({
    number,
    buyerSiret: library.siret,
    buyerReference: 'BU-ACQ',
    orderReference: 'BC-2026-0077',
    paymentMeans: '58',
    paidCents: 0,
  });
  const ubl = await page.request.get(
    (await page.getByRole('link', { name: `Facture ${number} au format UBL` }).getAttribute('href'))!,
  );
  expect(ubl.headers()['content-type']).toContain('application/xml');
  expect(await ublSchemaErrors(await ubl.text())).toEqual([]);

  // The export for Chorus Pro: a wrong period is said, today's holds the invoice.
  await page.getByRole('link', { name: 'Factures Chorus Pro' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Factures Chorus Pro');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  await page.getByLabel('Du').fill(today);
  await page.getByLabel('Au (inclus)').fill('2020-01-01');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByText('Le dernier jour précède le premier.')).toBeVisible();
  await page.getByLabel('Au (inclus)').fill(today);
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: number })).toContainText(library.name);
  await expectNoAxeViolation(page);
  const zip = await page.request.get(
    (await page.getByRole('link', { name: /^Télécharger les \d+ fichiers Factur-X/ }).getAttribute('href'))!,
  );
  expect(zip.headers()['content-type']).toBe('application/zip');
  const deposited = unzipSync(new Uint8Array(await zip.body()))[`${number}.pdf`];
  expect(deposited).toBeDefined();
  expect(ciiFigures(embeddedXml(deposited!))).toMatchObject({ buyerSiret: library.siret, buyerReference: 'BU-ACQ' });
});
