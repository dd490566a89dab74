import type { Locator, Page } from '@playwright/test';
import { booksOnShelf, createStaff, demoAdmin, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { expect, SEED_BOOK, stockOf, test } from './support/shop';

// Issue 9, "Done when": every admin page passes axe and works with the keyboard alone. The
// states admin-accessibility.spec.ts leaves out (a return being prepared, a counter order that
// failed then succeeded, catalog forms showing an error), then the stock desk walked with the
// keyboard only: no click, and on every page a visible focus and a way past the header.

/** What has the focus now: it is on screen and drawn with an outline or a shadow. */
async function expectVisibleFocus(page: Page) {
  const found = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const box = element.getBoundingClientRect();
    return {
      what: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} « ${(element.textContent ?? '').trim().slice(0, 40)} » (${location.pathname})`,
      indicator: outlined || style.boxShadow !== 'none',
      // A focused date field's calendar button is inside the field: no locator reaches it.
      visible: element.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0,
      onScreen: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
  });
  expect(found, 'nothing has the focus').not.toBeNull();
  expect(found!.indicator, `${found!.what} shows no focus indicator`).toBe(true);
  expect(found!.visible, `${found!.what} is hidden`).toBe(true);
  expect(found!.onScreen, `${found!.what} is off screen`).toBe(true);
}

/** Tab (or Shift+Tab) until `target` has the focus, checking every stop on the way. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  for (let stop = 0; stop < max; stop += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element === document.activeElement)) break;
    // Past the page's last stop the focus leaves the document for a moment: nothing to see.
    if (await page.evaluate(() => document.activeElement === document.body)) continue;
    await expectVisibleFocus(page);
  }
  await expect(target).toBeFocused();
  await expectVisibleFocus(page);
}

/**
 * The whole page from the keyboard: from the skip link into the main landmark, then every stop
 * until the focus leaves it (no trap), each one visible. Ends on the skip link again.
 */
async function walkPage(page: Page) {
  const skipLink = page.getByRole('link', { name: 'Aller au contenu', exact: true });
  await tabTo(page, skipLink, { backwards: true, max: 200 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenu$/);
  let stops = 0;
  for (;;) {
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    if (!inMain) break;
    await expectVisibleFocus(page);
    stops += 1;
    expect(stops, 'the focus never leaves the main landmark').toBeLessThan(300);
  }
  expect(stops, 'nothing to reach in the main landmark').toBeGreaterThan(0);
  await tabTo(page, skipLink, { backwards: true, max: 400 });
}

/** One of the back office's menu links, from wherever the focus is. */
async function openFromMenu(page: Page, name: string) {
  const link = page.getByRole('navigation', { name: 'Arrière-boutique' }).getByRole('link', { name, exact: true });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
}

test('axe finds no violation on a return being prepared, then recorded', async ({ page, db }) => {
  test.slow();
  const candidates = await booksOnShelf(db, 10);
  const { rows } = await db.query<{ ean: string; title: string; supplier: string; supplierId: number }>(
    `SELECT b."ean", b."title", s."name" AS supplier, s."id" AS "supplierId"
       FROM "Book" b JOIN "Supplier" s ON s."id" = b."supplierId"
      WHERE b."ean" = ANY($1::text[]) LIMIT 1`,
    [candidates.map((book) => book.ean)],
  );
  const book = rows[0]!;
  const before = await stockOf(db, book.ean);
  await logIn(page, await createStaff(db, 'libraire'));

  // One office copy received, dated back into the distributor's return window (90 days by default).
  const noteNumber = `BL-RETOUR-${Date.now()}`;
  await page.goto('/admin/receptions/nouvelle');
  await page.getByLabel('Distributeur', { exact: true }).selectOption(String(book.supplierId));
  await page.getByLabel('Numéro du bon de livraison ou de la facture').fill(noteNumber);
  const scan = page.getByLabel('EAN (scannez, ou tapez puis Entrée)');
  await scan.fill(book.ean);
  await scan.press('Enter');
  await page.getByLabel(`Conditions de « ${book.title} »`).selectOption('on_approval');
  await page.getByRole('button', { name: 'Valider la réception' }).click();
  await expect(page).toHaveURL(/\/admin\/receptions\/\d+\?enregistree=1$/);
  await db.query(`UPDATE "Delivery" SET "receivedAt" = now() - interval '120 days' WHERE "noteNumber" = $1`, [
    noteNumber,
  ]);

  await page.goto('/admin/retours');
  const form = page.getByRole('form', { name: `Retour à ${book.supplier}` });
  const quantity = form
    .getByRole('row')
    .filter({ hasText: noteNumber })
    .getByLabel(`Exemplaires de « ${book.title} » à retourner`);
  await expect(quantity).toHaveValue('0');
  await form.getByLabel(/^Numéro d’accord de retour/).fill(`AR-${Date.now()}`);
  await expectNoAxeViolation(page);
  // Nothing chosen yet: refused, with the form still there to complete.
  await form.getByRole('button', { name: `Valider le retour à ${book.supplier}` }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expectNoAxeViolation(page);

  // Sending it back puts the stock as it was.
  await quantity.fill('1');
  await expectNoAxeViolation(page);
  await form.getByRole('button', { name: `Valider le retour à ${book.supplier}` }).click();
  await expect(page).toHaveURL(/\/admin\/retours\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(book.supplier);
  await expect(page.getByRole('table', { name: 'Exemplaires retournés' })).toContainText(noteNumber);
  await expectNoAxeViolation(page);
  expect(await stockOf(db, book.ean)).toEqual(before);
  await page.goto('/admin/retours');
  await expect(page.getByRole('row').filter({ hasText: noteNumber })).toHaveCount(0);
  await expectNoAxeViolation(page);
});

test('axe finds no violation on catalog forms showing an error', async ({ page, db }) => {
  test.slow();
  const [book] = await booksOnShelf(db, 1);
  await logIn(page, demoAdmin());

  await page.goto(`/admin/catalogue/livres/${book!.ean}`);
  await page.getByLabel('Prix public TTC (€)').fill('gratuit');
  await page.getByRole('button', { name: 'Enregistrer le livre' }).click();
  await expect(page.getByRole('form', { name: 'Fiche du livre' }).getByRole('alert')).toBeVisible();
  await expectNoAxeViolation(page);

  const { rows } = await db.query<{ name: string; path: string }>(
    `SELECT "name", "path" FROM "Theme" ORDER BY "id" LIMIT 1`,
  );
  const theme = rows[0]!.name;
  await page.goto('/admin/catalogue/themes');
  await page.getByText(`${theme} (${rows[0]!.path})`, { exact: true }).click();
  const form = page.getByRole('form', { name: `Modifier ${theme}` });
  await form.getByLabel('Code CLIL').fill('ab');
  await form.getByRole('button', { name: `Enregistrer ${theme}` }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expectNoAxeViolation(page);
});

test('from the keyboard alone: the stock desk, a counter order, a stock adjustment', async ({ page, db }) => {
  test.slow();
  const [book] = await booksOnShelf(db, 1);
  const before = await stockOf(db, book!.ean);
  const staff = await createStaff(db, 'libraire');

  // Logging in: the skip link first, then the form.
  await page.goto('/admin/connexion');
  const skipLink = page.getByRole('link', { name: 'Aller au contenu', exact: true });
  await tabTo(page, skipLink, { max: 1 });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Adresse e-mail'));
  await page.keyboard.type(staff.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mot de passe')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.type(staff.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/commandes$/);
  await walkPage(page);
  // Past the shop's skip link, the back office's own skips the menu's links.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const skipMenu = page.getByRole('link', { name: 'Aller au contenu de la page' });
  await expect(skipMenu).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#page-admin$/);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#page-admin'))).toBe(true);

  // The stock desk from the menu: the dashboard, every stop of it.
  await openFromMenu(page, 'Tableau de bord');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await walkPage(page);

  // A counter order: first without a way to reach the customer (refused), then with one.
  await openFromMenu(page, 'Commande client');
  await expect(page).toHaveURL(/\/admin\/commandes-clients\/nouvelle$/);
  await walkPage(page);
  await tabTo(page, page.getByLabel('EAN du livre'));
  await page.keyboard.type(SEED_BOOK.ean);
  await tabTo(page, page.getByLabel('Nom du client'));
  await page.keyboard.type('Client Clavier');
  const submit = page.getByRole('button', { name: 'Enregistrer la commande client' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Commande client' });
  await expect(form.getByRole('alert')).toBeVisible();
  await expectNoAxeViolation(page);
  // What was typed is still there to correct (components/ui/keep-values-on-submit.ts).
  await expect(page.getByLabel('EAN du livre')).toHaveValue(SEED_BOOK.ean);
  await expect(page.getByLabel('Nom du client')).toHaveValue('Client Clavier');
  await tabTo(page, page.getByLabel('Téléphone'), { backwards: true });
  await page.keyboard.type('06 12 34 56 78');
  // Tab enters a group of radios on the checked one; the arrow keys move to the next and check it.
  await tabTo(page, page.getByLabel('À régler au retrait'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Déjà réglé en librairie')).toBeFocused();
  await expect(page.getByLabel('Déjà réglé en librairie')).toBeChecked();
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/commandes\/[A-Z0-9-]+$/);
  const reference = page.url().split('/').at(-1)!;
  await expectNoAxeViolation(page);
  await walkPage(page);

  // The customer changes their mind: cancelled from the keyboard too, which leaves the purchase
  // lists as the other specs expect them.
  await tabTo(page, page.getByText('Annuler la commande client…'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Je confirme l’annulation'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Annuler la commande client' }));
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toContainText('Commande client annulée.');
  const { rows } = await db.query<{ status: string }>(`SELECT "status" FROM "Order" WHERE "reference" = $1`, [
    reference,
  ]);
  expect(rows).toEqual([{ status: 'cancelled' }]);

  // A book's stock: found through the stock list's search, one copy damaged, then one returned
  // by a customer, which leaves its stock as it was.
  await openFromMenu(page, 'Stock');
  await expect(page).toHaveURL(/\/admin\/stock$/);
  await tabTo(page, page.getByLabel('EAN ou mots du titre, de l’auteur'));
  await page.keyboard.type(book!.ean);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${book!.ean}`));
  await walkPage(page);
  await tabTo(page, page.getByRole('link', { name: book!.title, exact: true }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/admin/stock/${book!.ean}$`));
  await walkPage(page);

  const adjustment = page.getByRole('form', { name: 'Ajustement' });
  const reason = adjustment.getByLabel('Motif');
  const save = adjustment.getByRole('button', { name: 'Enregistrer l’ajustement' });
  await tabTo(page, reason);
  await expect(reason).toHaveValue('DAMAGED');
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toHaveText(`1 exemplaire retiré : ${before.onHand - 1} exemplaires en stock.`);
  expect((await stockOf(db, book!.ean)).onHand).toBe(before.onHand - 1);

  await tabTo(page, reason, { backwards: true });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(reason).toHaveValue('CUSTOMER_RETURN');
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toContainText(`${before.onHand} exemplaires en stock.`);
  expect(await stockOf(db, book!.ean)).toEqual(before);
  await expectNoAxeViolation(page);
});
