import AxeBuilder from '@axe-core/playwright';
import { createStaff, logIn } from './support/admin';
import { addToCart, euros, expect, SEED_BOOK, test } from './support/shop';

// The shop's settings, from the admin's form to the reader's pages: the delivery fee the cart
// charges and the seller's identity the terms state. The defaults come back at the end, whatever
// happened (no settings row: the defaults of lib/shop/settings.ts apply).
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.afterAll(async ({ db }) => {
  await db.query('DELETE FROM "ShopSettings"');
});

test('an admin changes the delivery fee and the legal name: the cart and the terms show them at once', async ({
  page,
  browser,
  db,
}) => {
  const admin = await createStaff(db, 'admin', 'Admin réglages');
  await logIn(page, admin);
  await page.goto('/admin/reglages');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel('Frais de livraison par commande sous le seuil (€)').fill('5,90');
  await page.getByLabel('Raison sociale et forme juridique').fill('Librairie des Facultés SARL');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();

  // A bad SIRET is explained beside its field and saves nothing. On a page loaded afresh: the form
  // just saved resets itself to the saved values a moment after its confirmation shows, and would
  // put the good SIRET back under a quick typist's fingers.
  await page.goto('/admin/reglages');
  await page.getByLabel('SIRET (14 chiffres)').fill('81234567600008');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(page.getByLabel('SIRET (14 chiffres)')).toHaveAccessibleDescription(/SIRET invalide/);

  const reader = await browser.newPage();
  await addToCart(reader, SEED_BOOK.ean);
  await expect(reader.getByRole('main')).toContainText(euros('5,90'));
  await reader.goto('/conditions-generales-de-vente');
  await expect(reader.getByRole('region', { name: 'Vendeur' })).toContainText('Librairie des Facultés SARL');
  await expect(reader.getByRole('region', { name: 'Vendeur' })).toContainText('SIRET 81234567600009');
});

test('a bookseller (libraire) cannot open the settings', async ({ page, db }) => {
  const bookseller = await createStaff(db, 'libraire', 'Libraire réglages');
  await logIn(page, bookseller);
  const response = await page.goto('/admin/reglages');
  expect(response?.status()).toBe(403);
});
