import type { Page } from '@playwright/test';
import type pg from 'pg';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { createLibrary } from './support/organisations';
import { signInByLink } from './support/reader-account';
import { pdfText } from './support/pdf-text';
import { addToCart, expect, test, uniqueEmail } from './support/shop';

// Quotes (docs/decisions/030-quotes.md): a library's buyer asks a quote from the cart, downloads
// its PDF, accepts it, and the order on account appears with the quote's totals; staff record an
// acceptance from the back office; an expired quote cannot be accepted.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** From the cart: « Demander un devis » for the library; lands on the quote's page. */
async function askQuote(reader: Page, library: { name: string }): Promise<{ id: number; number: string }> {
  await reader.goto('/panier');
  const form = reader.getByRole('group', { name: `Devis pour ${library.name}` });
  await form.getByRole('radio', { name: /^Livraison à domicile/ }).check();
  await reader.getByRole('button', { name: `Demander un devis pour ${library.name}` }).click();
  await expect(reader).toHaveURL(/\/compte\/devis\/\d+\?nouveau=1$/);
  const id = Number(/\/compte\/devis\/(\d+)/.exec(reader.url())![1]);
  const heading = reader.getByRole('heading', { name: /^Devis D\d{4}-\d{6}$/ });
  const number = (await heading.textContent())!.replace('Devis ', '');
  return { id, number };
}

async function quoteRow(db: pg.Pool, id: number) {
  const { rows } = await db.query<{ totalCents: number; status: string; orderReference: string | null }>(
    `SELECT q."totalCents", q."status"::text AS "status", o."reference" AS "orderReference"
       FROM "Quote" q LEFT JOIN "Order" o ON o."id" = q."acceptedOrderId" WHERE q."id" = $1`,
    [id],
  );
  return rows[0]!;
}

test('a library’s buyer asks a quote from the cart, downloads it, accepts it: the order has the quote’s totals', async ({
  browser,
  db,
}) => {
  const buyer = uniqueEmail('devis');
  const library = await createLibrary(db, buyer);
  const books = await booksOnShelf(db, 2);
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signInByLink(reader, db, buyer);
  for (const book of books) await addToCart(reader, book.ean);

  const quote = await askQuote(reader, library);
  await expect(reader.getByRole('status')).toContainText(`Devis ${quote.number} établi pour ${library.name}`);
  const document = reader.getByRole('article', { name: `Devis ${quote.number}` });
  await expect(document).toContainText(/Devis valable jusqu’au \d{2}\/\d{2}\/\d{4}/);
  await expect(document).toContainText(/remise 9\s%/);
  await expect(document).toContainText(library.name);
  await expectNoAxeViolation(reader);

  // Its PDF: the number, the validity, the buyer, the discount.
  const href = await reader
    .getByRole('link', { name: `Télécharger le devis ${quote.number} (PDF)` })
    .getAttribute('href');
  const response = await reader.request.get(href!);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await response.body());
  expect(text).toContain(`Devis ${quote.number}`);
  expect(text).toMatch(/Devis valable jusqu’au \d{2}\/\d{2}\/\d{4}/);
  expect(text).toContain(library.name);
  expect(text).toMatch(/remise\s+9 %/);

  // The buyer's quotes.
  await reader.goto('/compte/devis');
  await expect(reader.getByRole('row', { name: new RegExp(quote.number) })).toContainText('à accepter');
  await expectNoAxeViolation(reader);

  // Accepting it: prices unchanged, the same total.
  await reader.getByRole('link', { name: quote.number }).click();
  await expect(reader.getByRole('region', { name: 'Accepter ce devis' })).toContainText('écart 0,00');
  await reader.getByLabel('Nom et prénom de l’acheteur').fill('Camille Acquéreuse');
  await reader.getByLabel('Numéro de bon de commande (facultatif)').fill('BC-DEVIS-7');
  await reader.getByRole('button', { name: 'Accepter le devis et commander' }).click();
  await expect(reader).toHaveURL(/\/compte\/devis\/\d+\?acceptee=1$/);
  await expect(reader.getByRole('status')).toContainText(`Devis ${quote.number} accepté : commande LF-`);
  await expect(reader.getByRole('region', { name: 'Devis accepté' })).toContainText(
    'Prix inchangés depuis le devis : même total.',
  );
  await expectNoAxeViolation(reader);

  const row = await quoteRow(db, quote.id);
  expect(row.status).toBe('accepted');
  const { rows } = await db.query<{
    totalCents: number;
    status: string;
    paidAt: Date | null;
    purchaseOrderNumber: string;
  }>(
    `SELECT "totalCents", "status"::text AS "status", "paidAt", "purchaseOrderNumber" FROM "Order" WHERE "reference" = $1`,
    [row.orderReference],
  );
  expect(rows[0]).toEqual({
    totalCents: row.totalCents,
    status: 'paid',
    paidAt: null,
    purchaseOrderNumber: 'BC-DEVIS-7',
  });

  // The order is among the buyer's, on account.
  await reader.goto('/compte/commandes');
  await expect(reader.getByRole('row', { name: new RegExp(row.orderReference!) })).toContainText(
    'Confirmée, sur compte, à facturer',
  );
  // Accepting again is no longer offered.
  await reader.goto(`/compte/devis/${quote.id}`);
  await expect(reader.getByRole('button', { name: 'Accepter le devis et commander' })).toHaveCount(0);
  await context.close();
});

test('staff record an acceptance after a price rise: re-priced at the day’s price, the difference shown on the order', async ({
  browser,
  page,
  db,
}) => {
  const buyer = uniqueEmail('devis-papier');
  const library = await createLibrary(db, buyer);
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signInByLink(reader, db, buyer);
  await addToCart(reader, book!.ean);
  const quote = await askQuote(reader, library);
  await context.close();

  // The publisher raises the price by 1,00 € after the quote: the sale is at the new price.
  await db.query(`UPDATE "Book" SET "publisherPriceCents" = "publisherPriceCents" + 100 WHERE "ean" = $1`, [book!.ean]);
  try {
    await recordAcceptance(page, db, quote, library);
  } finally {
    await db.query(`UPDATE "Book" SET "publisherPriceCents" = "publisherPriceCents" - 100 WHERE "ean" = $1`, [
      book!.ean,
    ]);
  }
});

/** At /admin/devis: finds the quote, sees the difference, records the acceptance; checks the order. */
async function recordAcceptance(
  page: Page,
  db: pg.Pool,
  quote: { id: number; number: string },
  library: { name: string },
): Promise<void> {
  await logIn(page, await createStaff(db, 'libraire', 'Libraire des devis'));
  await page.goto(`/admin/devis?q=${encodeURIComponent(quote.number)}`);
  await expect(page.getByRole('row', { name: new RegExp(quote.number) })).toContainText(library.name);
  await expectNoAxeViolation(page);
  await page.getByRole('link', { name: quote.number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Devis ${quote.number}`);
  await expect(page.getByRole('region', { name: 'Accepter ce devis' })).toContainText(
    /Prix éditeur modifié depuis le devis : total \+\d+,\d{2}\s€/,
  );
  await expectNoAxeViolation(page);
  await page.getByLabel('Nom et prénom de l’acheteur').fill('Dominique Papier');
  await page.getByLabel('Numéro de bon de commande (facultatif)').fill('BC-PAPIER-1');
  await page.getByRole('button', { name: 'Enregistrer l’acceptation' }).click();
  await expect(feedback(page)).toContainText('Acceptation enregistrée : commande LF-');
  await expect(feedback(page)).toContainText('Prix éditeur modifié depuis le devis');
  const row = await quoteRow(db, quote.id);
  expect(row.status).toBe('accepted');
  const { rows } = await db.query<{ totalCents: number; difference: number }>(
    `SELECT o."totalCents", q."repricedDifferenceCents" AS "difference"
       FROM "Quote" q JOIN "Order" o ON o."id" = q."acceptedOrderId" WHERE q."id" = $1`,
    [quote.id],
  );
  expect(rows[0]!.difference).toBeGreaterThan(0);
  expect(rows[0]!.totalCents).toBe(row.totalCents + rows[0]!.difference);
  await page.goto(`/admin/commandes/${row.orderReference}`);
  const customer = page.getByRole('region', { name: 'Client et livraison' });
  await expect(customer).toContainText(`${quote.number} (total du devis`);
  await expect(customer).toContainText('Prix éditeur modifié depuis le devis : total +');
  await expectNoAxeViolation(page);
}

test('an expired quote cannot be accepted', async ({ browser, db }) => {
  const buyer = uniqueEmail('devis-expire');
  const library = await createLibrary(db, buyer);
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signInByLink(reader, db, buyer);
  await addToCart(reader, book!.ean);
  const quote = await askQuote(reader, library);
  await reader.getByLabel('Nom et prénom de l’acheteur').fill('Camille En Retard');

  // Its last day was yesterday (a quote is frozen by a trigger: set aside for this update only).
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`UPDATE "Quote" SET "validUntil" = CURRENT_DATE - 1 WHERE "id" = $1`, [quote.id]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }

  // The form still open in the page: the acceptance is refused, in French, and nothing is ordered.
  await reader.getByRole('button', { name: 'Accepter le devis et commander' }).click();
  await expect(reader.getByRole('alert').filter({ hasText: `Le devis ${quote.number} a expiré le` })).toBeVisible();
  expect((await quoteRow(db, quote.id)).status).toBe('open');
  // Reloaded, the page says so and offers no acceptance.
  await reader.reload();
  await expect(reader.getByRole('region', { name: 'Accepter ce devis' })).toContainText('ne peut plus être accepté');
  await expect(reader.getByRole('button', { name: 'Accepter le devis et commander' })).toHaveCount(0);
  await expectNoAxeViolation(reader);
  await context.close();
});
