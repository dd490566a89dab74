import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createStaff, feedback, logIn } from './support/admin';
import { expect, test } from './support/shop';

// The booksellers' picks, from the back office to the reader: "Le mot du libraire" on the book
// page and in its structured data, the home page's "Coups de cœur" row, /coups-de-coeur.
test.describe.configure({ mode: 'serial' });

/** "De l'esprit des lois": a demo book without a pick. */
const BOOK = { ean: '9782070423507', title: "De l'esprit des lois" };
const NOTE =
  'Montesquieu en poche, pour qui prépare le grand oral : les livres XI et XII sur la séparation des pouvoirs se lisent d’une traite.';

test.afterAll(async ({ db }) => {
  await db.query(`DELETE FROM "BookPick" WHERE "bookId" = (SELECT "id" FROM "Book" WHERE "ean" = $1)`, [BOOK.ean]);
});

async function expectNoAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a bookseller writes a pick: the book page, the home page and the picks listing show it at once', async ({
  page,
  browser,
  db,
}) => {
  const bookseller = await createStaff(db, 'libraire', 'Claire Martin');
  await logIn(page, bookseller);
  await page.goto(`/admin/catalogue/livres/${BOOK.ean}`);
  const editor = page.getByRole('region', { name: 'Le mot du libraire (coup de cœur)' });
  await expect(editor.getByLabel('Signé (prénom)')).toHaveValue('Claire');

  // Too short once trimmed (the browser's minlength counts the spaces): the server says so, saves nothing.
  await editor.getByLabel('Le mot du libraire').fill(`Bien.${' '.repeat(30)}`);
  await editor.getByRole('button', { name: 'Publier le coup de cœur' }).click();
  await expect(editor.getByRole('alert')).toContainText('20 caractères au moins');

  await editor.getByLabel('Le mot du libraire').fill(NOTE);
  await editor.getByRole('button', { name: 'Publier le coup de cœur' }).click();
  await expect(feedback(page)).toContainText('Coup de cœur enregistré');

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(`/livre/${BOOK.ean}`);
  const note = reader.getByRole('region', { name: 'Le mot du libraire' });
  await expect(note).toContainText(NOTE);
  await expect(note).toContainText('— Claire, libraire');
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd.review).toMatchObject({ '@type': 'Review', reviewBody: NOTE, contributor: { name: 'Claire' } });
  await expectNoAxeViolation(reader);

  await reader.goto('/');
  const row = reader.getByRole('list', { name: 'Coups de cœur des libraires' });
  await expect(row.getByRole('heading', { name: BOOK.title })).toBeVisible();
  await expect(row).toContainText('Montesquieu en poche');
  await reader.getByRole('link', { name: 'Tous les coups de cœur des libraires' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'Coups de cœur des libraires' })).toBeVisible();
  const listing = reader.getByRole('list', { name: 'Coups de cœur des libraires' });
  // Newest first; the demo catalog's picks follow.
  await expect(listing.getByRole('heading', { level: 3 }).first()).toHaveText(BOOK.title);
  await expect(listing).toContainText('Les grands arrêts de la jurisprudence administrative');
  await expectNoAxeViolation(reader);

  // Withdrawn: gone from the book page and the listing.
  await page.goto(`/admin/catalogue/livres/${BOOK.ean}`);
  await page.getByRole('button', { name: 'Retirer le coup de cœur' }).click();
  await expect(feedback(page)).toContainText('Coup de cœur retiré');
  await reader.goto(`/livre/${BOOK.ean}`);
  await expect(reader.getByRole('heading', { name: 'Le mot du libraire' })).toHaveCount(0);
  await reader.goto('/coups-de-coeur');
  await expect(reader.getByRole('heading', { name: BOOK.title })).toHaveCount(0);
  await readerContext.close();
});

test('the picks listing needs no JavaScript and refuses pages past its end', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/coups-de-coeur');
  await expect(page.getByRole('list', { name: 'Coups de cœur des libraires' })).toContainText('— Claire, libraire');
  const past = await page.goto('/coups-de-coeur?page=500');
  expect(past?.status()).toBe(404);
  await context.close();
});
