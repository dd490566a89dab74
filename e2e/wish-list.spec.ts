import { expectNoAxeViolation } from './support/admin';
import { signInByLink } from './support/reader-account';
import { expect, SEED_BOOK, test, uniqueEmail } from './support/shop';

// "Ma liste": added from the book page (signed in or asked to sign in first), shared read-only by
// a link that "Ne plus partager" closes at once; all of it without JavaScript too.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('a reader keeps a book in a list, shares it read-only, then stops sharing', async ({ browser, db }) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  // Not signed in: asked to sign in first.
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  await page.getByRole('button', { name: `Ajouter à ma liste : « ${SEED_BOOK.title} »` }).click();
  await expect(page).toHaveURL(/\/compte\/connexion\?liste=1$/);
  await expect(page.getByRole('status')).toContainText('Connectez-vous pour garder ce livre dans votre liste');

  await signInByLink(page, db, uniqueEmail('liste'));
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  await page.getByRole('button', { name: `Ajouter à ma liste : « ${SEED_BOOK.title} »` }).click();
  await expect(page).toHaveURL(/\/compte\/liste\?ajoute=1$/);
  const list = page.getByRole('list', { name: 'Ma liste' });
  await expect(list.getByRole('heading', { name: SEED_BOOK.title })).toBeVisible();
  await expectNoAxeViolation(page);

  await page.getByRole('button', { name: 'Créer un lien de partage' }).click();
  const link = await page.getByLabel('Lien de partage (lecture seule)').inputValue();
  expect(link).toMatch(/\/liste\/[A-Za-z0-9_-]{22}$/);

  // Someone else opens it: the books, no way to change them, nobody named.
  const friend = await browser.newContext();
  const friendPage = await friend.newPage();
  await friendPage.goto(new URL(link).pathname);
  await expect(friendPage.getByRole('list', { name: 'Livres de la liste' })).toContainText(SEED_BOOK.title);
  await expect(friendPage.getByRole('button', { name: /Retirer/ })).toHaveCount(0);
  await expect(friendPage.getByRole('main')).not.toContainText('@');
  await expectNoAxeViolation(friendPage);
  expect(
    await friendPage.evaluate(() => document.querySelector('meta[name="robots"]')?.getAttribute('content')),
  ).toMatch(/noindex/);

  await page.getByRole('button', { name: 'Ne plus partager' }).click();
  await expect(page.getByRole('status')).toContainText('l’ancien lien n’ouvre plus rien');
  const closed = await friendPage.goto(new URL(link).pathname);
  expect(closed?.status()).toBe(404);

  await page.getByRole('button', { name: `Retirer de ma liste : « ${SEED_BOOK.title} »` }).click();
  await expect(page.getByText('Votre liste est vide')).toBeVisible();
  await friend.close();
  await context.close();
});

test('the list works without JavaScript', async ({ browser, db }) => {
  const withJs = await browser.newContext();
  await signInByLink(await withJs.newPage(), db, uniqueEmail('liste-sans-js'));
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await withJs.cookies());
  const page = await context.newPage();
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  await page.getByRole('button', { name: `Ajouter à ma liste : « ${SEED_BOOK.title} »` }).click();
  await expect(page).toHaveURL(/\/compte\/liste\?ajoute=1$/);
  await expect(page.getByRole('list', { name: 'Ma liste' })).toContainText(SEED_BOOK.title);
  await page.getByRole('button', { name: `Retirer de ma liste : « ${SEED_BOOK.title} »` }).click();
  await expect(page).toHaveURL(/\/compte\/liste\?retire=1$/);
  await withJs.close();
  await context.close();
});
