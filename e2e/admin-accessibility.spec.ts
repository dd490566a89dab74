import { booksOnShelf, createStaff, demoAdmin, expectNoAxeViolation, feedback, logIn } from './support/admin';
import {
  addToCart,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  test,
  uniqueEmail,
} from './support/shop';

// The back office passes axe and works from the keyboard alone (staff at the counter often
// keep their hands on it and a barcode scanner).

test('axe finds no violation on the login form', async ({ page }) => {
  await page.goto('/admin/connexion');
  await expectNoAxeViolation(page);
});

test('axe finds no violation on any back-office page, an order included', async ({ page, db }) => {
  // A purchase or twenty logins, then the checks: three times the default timeout on a loaded machine.
  test.slow();
  const [book] = await booksOnShelf(db, 1);
  const reader = await page.context().browser()!.newPage();
  await addToCart(reader, book!.ean);
  await reader.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(reader, { email: uniqueEmail('axe'), method: 'pickup' });
  const sessionId = await placeOrder(reader);
  await payWithCard(reader, '4242 4242 4242 4242');
  const reference = await expectPaidConfirmation(reader, sessionId);
  await reader.close();

  await logIn(page, demoAdmin());
  for (const path of [
    '/admin/commandes',
    '/admin/commandes?etape=a-preparer&q=inconnu',
    `/admin/commandes/${reference}`,
    '/admin/equipe',
    '/admin/journal',
    '/admin/mon-compte',
  ]) {
    await page.goto(path);
    await expectNoAxeViolation(page);
  }
  // With an error shown, and the cancellation form open.
  await page.goto(`/admin/commandes/${reference}`);
  await page.getByText('Annuler la commande…').click();
  await page
    .getByRole('form', { name: 'Remboursement', exact: true })
    .getByLabel('Montant libre en euros (geste commercial, facultatif)')
    .fill('abc');
  await page
    .getByRole('form', { name: 'Remboursement', exact: true })
    .getByRole('button', { name: 'Rembourser' })
    .click();
  await expect(page.getByRole('form', { name: 'Remboursement', exact: true }).getByRole('alert')).toBeVisible();
  await expectNoAxeViolation(page);
});

// The stock desk's pages, in groups small enough for one test's time on a loaded machine.
const STOCK_DESK_PAGES: Record<string, (ean: string) => string[]> = {
  'the dashboard and the stock': (ean) => [
    '/admin',
    '/admin/stock',
    '/admin/stock?etat=sous-seuil',
    `/admin/stock/${ean}`,
  ],
  'receiving, distributor and counter orders, returns, inventory': () => [
    '/admin/receptions',
    '/admin/receptions/nouvelle',
    '/admin/commandes-fournisseurs',
    '/admin/commandes-clients/nouvelle',
    '/admin/retours',
    '/admin/inventaire',
  ],
  'the catalog': (ean) => [
    '/admin/catalogue',
    '/admin/catalogue/livres/nouveau',
    `/admin/catalogue/livres/${ean}`,
    '/admin/catalogue/auteurs',
    '/admin/catalogue/editeurs',
    '/admin/catalogue/collections',
    '/admin/catalogue/themes',
    '/admin/catalogue/distributeurs',
  ],
  'the customer organisations and their invoices': () => [
    '/admin/clients',
    '/admin/clients?q=inconnu',
    '/admin/clients/nouveau',
    '/admin/clients/droit-de-pret',
    `/admin/clients/droit-de-pret?annee=${new Date().getFullYear()}`,
    '/admin/factures-sur-compte',
    '/admin/factures-sur-compte?etat=toutes',
  ],
};

for (const [group, pathsFor] of Object.entries(STOCK_DESK_PAGES)) {
  test(`axe finds no violation on the stock desk's pages: ${group}`, async ({ page, db }) => {
    test.slow();
    const [book] = await booksOnShelf(db, 1);
    await logIn(page, demoAdmin());
    for (const path of pathsFor(book!.ean)) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
      await expectNoAxeViolation(page);
    }
  });
}

test('from the keyboard alone: log in, find an order, take a step', async ({ page, db }) => {
  // A purchase or twenty logins, then the checks: three times the default timeout on a loaded machine.
  test.slow();
  const [book] = await booksOnShelf(db, 1);
  const reader = await page.context().browser()!.newPage();
  await addToCart(reader, book!.ean);
  await reader.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(reader, { email: uniqueEmail('clavier'), method: 'pickup' });
  const sessionId = await placeOrder(reader);
  await payWithCard(reader, '4242 4242 4242 4242');
  const reference = await expectPaidConfirmation(reader, sessionId);
  await reader.close();

  const staff = await createStaff(db, 'libraire');
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.type(staff.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mot de passe')).toBeFocused();
  await page.keyboard.type(staff.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/commandes$/);

  await page.getByLabel('Numéro de commande, e-mail, nom ou EAN').focus();
  await page.keyboard.type(reference);
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: reference });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/admin/commandes/${reference}$`));

  const step = page.getByRole('button', { name: 'Prête au retrait' });
  await step.focus();
  await expect(step).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toHaveText('Commande prête au retrait.');
});
