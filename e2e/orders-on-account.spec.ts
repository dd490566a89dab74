import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { createLibrary, signIn } from './support/organisations';
import { addToCart, expect, test, uniqueEmail } from './support/shop';

// Ordering on account (docs/decisions/027-orders-on-account.md): a university library's buyer
// signs in, sees the library's 9 % in the cart and at checkout, orders three books with a
// purchase-order number and pays nothing online; the order desk shows it « à facturer »; shipped,
// it gets its invoice with the discount, the due date, the shop's IBAN and the late-payment terms.
// Without JavaScript too.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const IBAN = 'FR76 3000 6000 0112 3456 7890 189';

/** Spaces as a PDF's text gives them: the no-break ones of fr-FR amounts become plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'facture-compte-'));
  try {
    const file = path.join(dir, 'facture.pdf');
    writeFileSync(file, pdf);
    return plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function orderRow(db: pg.Pool, reference: string) {
  const { rows } = await db.query<{
    status: string;
    paidAt: Date | null;
    organisationId: number | null;
    purchaseOrderNumber: string | null;
    stripeSessionId: string | null;
    copies: number;
  }>(
    `SELECT o."status"::text AS "status", o."paidAt", o."organisationId", o."purchaseOrderNumber", o."stripeSessionId",
            (SELECT sum(l."quantity")::int FROM "OrderLine" l WHERE l."orderId" = o."id") AS "copies"
     FROM "Order" o WHERE o."reference" = $1`,
    [reference],
  );
  return rows[0];
}

test('a library’s buyer orders three books on account; staff ship it; the invoice says the discount, the due date, the IBAN and the penalties', async ({
  browser,
  page,
  db,
}) => {
  // The shop's IBAN, in its settings' form: organisations pay by transfer to it.
  await logIn(page, await createStaff(db, 'admin', 'Libraire des comptes'));
  await page.goto('/admin/reglages');
  await page.getByLabel('IBAN du compte pour les virements des clients sur compte (factures)').fill(IBAN);
  await page.getByLabel('BIC de ce compte').fill('AGRIFRPP');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();

  const buyer = uniqueEmail('acquisitions');
  const library = await createLibrary(db, buyer);
  const books = await booksOnShelf(db, 3);

  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, db, buyer);
  for (const book of books) await addToCart(reader, book.ean);
  // The cart shows the library's prices, the discount named with its article.
  const cart = reader.getByRole('main');
  await expect(cart.getByRole('heading', { name: `Prix pour ${library.name}` })).toBeVisible();
  await expect(cart).toContainText(/Remise libraire 9\s%\s\(loi n° 81-766, art\. 3\) : −/);
  await expectNoAxeViolation(reader);

  await reader.goto('/commande');
  const offer = reader.getByRole('article', { name: `Commande sur compte pour ${library.name}` });
  await expect(offer).toContainText(/Remise libraire 9\s%/);
  await expect(reader.getByRole('heading', { name: 'À titre personnel' })).toBeVisible();
  await expectNoAxeViolation(reader);
  await offer.getByLabel('Nom et prénom de l’acheteur').fill('Camille Acquéreuse');
  await offer.getByLabel('Numéro de bon de commande (facultatif)').fill('BC-2026-0042');
  await offer.getByRole('radio', { name: /^Livraison à domicile/ }).check();
  await offer.getByRole('button', { name: `Commander sur compte pour ${library.name}` }).click();

  await expect(reader).toHaveURL(/\/compte\/commandes\?commande=LF-/);
  const reference = /commande=(LF-[A-Z0-9]+)/.exec(reader.url())![1]!;
  await expect(reader.getByRole('status')).toContainText(`Commande ${reference} enregistrée sur compte`);
  await expect(reader.getByRole('row', { name: new RegExp(reference) })).toContainText(
    'Confirmée, sur compte, à facturer',
  );
  await expectNoAxeViolation(reader);
  // Nothing paid online, no payment page: the order is the library's, « à préparer ».
  expect(await orderRow(db, reference)).toMatchObject({
    status: 'paid',
    paidAt: null,
    organisationId: library.id,
    purchaseOrderNumber: 'BC-2026-0042',
    stripeSessionId: null,
    copies: 3,
  });

  // The order desk: « à préparer », on account, to invoice.
  await page.goto(`/admin/commandes?q=${reference}`);
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText('à préparer');
  await expect(row).toContainText('sur compte, à facturer');
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, à facturer');
  await expect(page.getByRole('region', { name: 'Client et livraison' })).toContainText(library.name);
  await expectNoAxeViolation(page);
  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');
  await page.getByLabel('Transporteur').selectOption({ label: 'Colissimo' });
  await page.getByLabel('Numéro de suivi').fill('6A 1234 5678 901');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(feedback(page)).toHaveText('Commande expédiée.');

  // Its invoice, issued at dispatch.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, facturée');
  const link = page.getByRole('link', { name: /^Facture F\d{4}-\d{6}$/ });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await response.body());
  expect(text).toContain(library.name);
  expect(text).toContain('Bon de commande n° BC-2026-0042');
  expect(text).toMatch(/remise 9 %/);
  const { rows } = await db.query<{ dueOn: string }>(
    `SELECT to_char(i."dueOn", 'DD/MM/YYYY') AS "dueOn" FROM "Invoice" i
       JOIN "InvoiceOrder" io ON io."invoiceId" = i."id" JOIN "Order" o ON o."id" = io."orderId"
      WHERE o."reference" = $1`,
    [reference],
  );
  expect(text).toContain(`Échéance : ${rows[0]!.dueOn} (30 jours`);
  expect(text).toContain(`IBAN ${IBAN}`);
  // The PDF's lines wrap where its embedded font (DejaVu Sans) makes them.
  expect(text).toMatch(/majoré\s+de 8 points/);
  expect(text).toMatch(/40 €/);
  expect(text).toContain('Total TTC à payer');

  // The buyer sees the same invoice from the order's tracking page.
  await reader.goto('/compte/commandes');
  await reader.getByRole('button', { name: `Suivre ma commande ${reference}` }).click();
  await expect(reader.getByText(/Statut : expédiée, sur compte, facturée/)).toBeVisible();
  await reader.goto(`${new URL(reader.url()).pathname}/facture`);
  const invoice = reader.getByRole('article');
  await expect(invoice).toContainText(/remise 9\s%/);
  await expect(invoice).toContainText(`IBAN ${IBAN}`);
  await expectNoAxeViolation(reader);
  await context.close();
});

test('without JavaScript, a buyer orders on account from the checkout page', async ({ browser, db }) => {
  const buyer = uniqueEmail('acquisitions-sans-js');
  const library = await createLibrary(db, buyer);
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await context.newPage();
  await signIn(reader, db, buyer, 'code');
  await addToCart(reader, book!.ean);
  await reader.goto('/commande');
  const offer = reader.getByRole('article', { name: `Commande sur compte pour ${library.name}` });
  await offer.getByLabel('Nom et prénom de l’acheteur').fill('Dominique Sans Script');
  await offer.getByRole('radio', { name: /^Retrait en librairie/ }).check();
  await offer.getByRole('button', { name: `Commander sur compte pour ${library.name}` }).click();
  await expect(reader).toHaveURL(/\/compte\/commandes\?commande=LF-/);
  const reference = /commande=(LF-[A-Z0-9]+)/.exec(reader.url())![1]!;
  expect(await orderRow(db, reference)).toMatchObject({ status: 'paid', paidAt: null, organisationId: library.id });
  await context.close();
});
