import { E2E_BASE_URL } from './support/ports';
import {
  addHiddenField,
  addToCart,
  cartQuantity,
  countCarts,
  countOrders,
  disableBrowserValidation,
  EMULATOR_URL,
  euros,
  expect,
  fillCheckout,
  placeOrder,
  requireOrderBySession,
  SEED_BOOK,
  stockOf,
  test,
  uniqueEmail,
} from './support/shop';

// Bad input in the cart and at checkout: the reader gets a French message, the server never
// answers 5xx (checked for every response by the failOnServerError fixture), and nothing is
// written. The browser's own checks (min, max, type="number") are switched off where needed:
// the server actions are public POST endpoints and must refuse such input themselves.

const NO_SUPPLIER_BOOK = '9782717835212'; // No distributor; 2 copies on hand at the initial count.
const QUANTITY_MESSAGE = 'Indiquez un nombre entier d’exemplaires, entre 1 et 10.';
const FORGED_CART_COOKIE = '00000000-0000-0000-0000-000000000000.forged';

test('a book without supplier cannot be added beyond the copies on hand, from the book page or the cart', async ({
  page,
  db,
}) => {
  const stock = await stockOf(db, NO_SUPPLIER_BOOK);
  const available = stock.onHand - stock.held;
  expect(available, 'copies left for this test').toBeGreaterThan(1);
  const message = `Plus que ${available} exemplaires disponibles de « ${stock.title} ».`;
  const cartsBefore = await countCarts(db);

  await page.goto(`/livre/${NO_SUPPLIER_BOOK}`);
  const main = page.getByRole('main');
  await main.getByLabel('Quantité').fill(String(available + 1));
  await main.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(main.getByRole('alert')).toHaveText(message);
  await expect(page).toHaveURL(new RegExp(`/livre/${NO_SUPPLIER_BOOK}$`));
  expect(await cartQuantity(db, page, NO_SUPPLIER_BOOK)).toBe(0);
  expect(await countCarts(db), 'carts created by a refused addition').toBe(cartsBefore);

  await addToCart(page, NO_SUPPLIER_BOOK, available);
  const update = page.getByRole('button', { name: 'Mettre à jour' });
  await disableBrowserValidation(update); // the field's max is the copies on hand
  await page.getByLabel(`Quantité de « ${stock.title} »`).fill(String(available + 1));
  await update.click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(message);
  expect(await cartQuantity(db, page, NO_SUPPLIER_BOOK)).toBe(available);
  expect(await stockOf(db, NO_SUPPLIER_BOOK)).toMatchObject({ onHand: stock.onHand, held: stock.held });
});

test('without JavaScript, a refused addition lands on the cart with the reason and the way back', async ({
  browser,
  db,
}) => {
  const stock = await stockOf(db, NO_SUPPLIER_BOOK);
  const available = stock.onHand - stock.held;
  const cartsBefore = await countCarts(db);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`/livre/${NO_SUPPLIER_BOOK}`);
    const main = page.getByRole('main');
    await main.getByLabel('Quantité').fill(String(available + 1));
    await main.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page).toHaveURL(new RegExp(`/panier\\?erreur=NOT_ENOUGH_COPIES&livre=${NO_SUPPLIER_BOOK}$`));
    await expect(main.getByRole('alert')).toHaveText(
      'Ce livre n’a pas été ajouté : nous n’en avons pas autant d’exemplaires.',
    );
    await expect(main.getByText('Votre panier est vide.')).toBeVisible();
    expect(await countCarts(db), 'carts created by a refused addition').toBe(cartsBefore);
    await main.getByRole('link', { name: 'Retour au livre' }).click();
    await expect(page).toHaveURL(new RegExp(`/livre/${NO_SUPPLIER_BOOK}$`));
  } finally {
    await context.close();
  }
});

test('/panier/ajouter refuses a cross-site post and an oversized one, and answers programs in JSON', async ({
  request,
  db,
}) => {
  const cartsBefore = await countCarts(db);
  const form = { ean: SEED_BOOK.ean, quantity: '1' };
  const forged = await request.post('/panier/ajouter', {
    headers: { Origin: 'https://ailleurs.example', Accept: 'application/json' },
    form,
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({
    error: { code: 'CROSS_SITE_REQUEST', message: 'Requête refusée : elle ne vient pas des pages de la librairie.' },
  });
  const huge = await request.post('/panier/ajouter', {
    headers: { Accept: 'application/json' },
    form: { ...form, note: 'x'.repeat(2 * 1024 * 1024) },
    maxRedirects: 0,
  });
  expect(huge.status()).toBe(413);
  expect(await countCarts(db), 'carts created by refused posts').toBe(cartsBefore);

  const unknown = await request.post('/panier/ajouter', {
    headers: { Accept: 'application/json' },
    form: { ean: '9780000000002', quantity: '1' },
    maxRedirects: 0,
  });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    error: { code: 'UNKNOWN_BOOK', message: 'Ce livre n’existe pas dans notre catalogue.' },
  });
  const added = await request.post('/panier/ajouter', {
    headers: { Accept: 'application/json' },
    form,
    maxRedirects: 0,
  });
  expect(added.status()).toBe(200);
  expect(await added.json()).toEqual({ ok: true });
  expect(added.headers()['set-cookie']).toMatch(/^panier=/);
});

for (const quantity of ['0', '-1', 'abc', '1000', '2.5']) {
  test(`the book page refuses quantity "${quantity}" and adds nothing`, async ({ page, db }) => {
    const cartsBefore = await countCarts(db);
    await page.goto(`/livre/${SEED_BOOK.ean}`);
    const main = page.getByRole('main');
    const add = main.getByRole('button', { name: 'Ajouter au panier' });
    await disableBrowserValidation(add);
    await main.getByLabel('Quantité').fill(quantity);
    await add.click();
    await expect(main.getByRole('alert')).toHaveText(QUANTITY_MESSAGE);
    await expect(page).toHaveURL(new RegExp(`/livre/${SEED_BOOK.ean}$`));
    expect(await cartQuantity(db, page, SEED_BOOK.ean)).toBe(0);
    expect(await countCarts(db), 'carts created by a refused addition').toBe(cartsBefore);
  });
}

test('the cart form refuses -1, abc and 1000 and keeps the quantity; 0 removes the line', async ({ page, db }) => {
  await addToCart(page, SEED_BOOK.ean, 2);
  const field = page.getByLabel(`Quantité de « ${SEED_BOOK.title} »`);
  await expect(field).toHaveValue('2');

  for (const quantity of ['-1', 'abc', '1000']) {
    await page.goto('/panier');
    const update = page.getByRole('button', { name: 'Mettre à jour' });
    await disableBrowserValidation(update);
    await field.fill(quantity);
    await update.click();
    await expect(page.getByRole('main').getByRole('alert'), `quantity "${quantity}"`).toHaveText(QUANTITY_MESSAGE);
    expect(await cartQuantity(db, page, SEED_BOOK.ean), `quantity "${quantity}"`).toBe(2);
  }

  await page.goto('/panier');
  await expect(
    page.getByRole('table', { name: 'Total avec livraison à domicile' }).getByRole('row', { name: /^Livres/ }),
  ).toContainText(euros('58,00'));
  await field.fill('0');
  await page.getByRole('button', { name: 'Mettre à jour' }).click();
  await expect(page.getByText('Votre panier est vide.')).toBeVisible();
  expect(await cartQuantity(db, page, SEED_BOOK.ean)).toBe(0);
});

test('checkout with empty or malformed fields explains each field and creates no order', async ({ page, db }) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.goto('/commande');
  const email = uniqueEmail('champs');
  const ordersBefore = await countOrders(db);
  const submit = page.getByRole('button', { name: 'Commander avec obligation de paiement' });

  // Nothing filled in at all.
  await submit.click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Vérifiez les champs signalés.');
  await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription('Indiquez votre adresse e-mail.');
  await expect(page.getByLabel('Nom et prénom')).toHaveAccessibleDescription('Indiquez vos nom et prénom.');
  for (const label of ['Adresse e-mail', 'Nom et prénom']) {
    await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
  }

  // The reader's details, but home delivery with no address.
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom et prénom').fill('Camille Martin');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await page.getByLabel('Adresse', { exact: true }).fill('');
  await page.getByLabel('Code postal').fill('');
  await page.getByLabel('Ville').fill('');
  await submit.click();
  await expect(page.getByLabel('Adresse', { exact: true })).toHaveAccessibleDescription(
    'Indiquez l’adresse de livraison.',
  );
  await expect(page.getByLabel('Code postal')).toHaveAccessibleDescription(
    'Code postal de France métropolitaine, de Corse ou de Monaco, à 5 chiffres (exemple : 75005).',
  );
  await expect(page.getByLabel('Ville')).toHaveAccessibleDescription('Indiquez la ville.');
  await expect(page.getByLabel('Adresse e-mail')).not.toHaveAttribute('aria-invalid', 'true');

  // A full address with a malformed postal code and phone number.
  await fillCheckout(page, { email });
  await page.getByLabel('Code postal').fill('7500');
  await page.getByLabel('Téléphone').fill('12345');
  await submit.click();
  await expect(page.getByLabel('Code postal')).toHaveAccessibleDescription(
    'Code postal de France métropolitaine, de Corse ou de Monaco, à 5 chiffres (exemple : 75005).',
  );
  await expect(page.getByLabel('Téléphone')).toHaveAccessibleDescription(
    'Numéro de téléphone invalide (exemples : 06 12 34 56 78, +49 151 12345678).',
  );
  await expect(page.getByLabel('Adresse', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Vérifiez les champs signalés.');

  await expect(page).toHaveURL(/\/commande$/);
  expect(await countOrders(db, email)).toBe(0);
  expect(await countOrders(db)).toBe(ordersBefore);
  expect(await cartQuantity(db, page, SEED_BOOK.ean)).toBe(1);
});

test('a forged cart cookie shows an empty cart, not an error page', async ({ page, context, baseURL, db }) => {
  await context.addCookies([{ name: 'panier', value: FORGED_CART_COOKIE, url: baseURL ?? E2E_BASE_URL }]);

  const cart = await page.goto('/panier');
  expect(cart?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre panier');
  await expect(page.getByText('Votre panier est vide.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);

  const checkout = await page.goto('/commande');
  expect(checkout?.status()).toBe(200);
  await expect(page.getByText(/Votre panier est vide\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commander avec obligation de paiement' })).toHaveCount(0);

  // The forged cookie is ignored, not trusted: adding a book starts a new, properly signed cart.
  await addToCart(page, SEED_BOOK.ean);
  await expect(page.getByRole('link', { name: SEED_BOOK.title })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === 'panier');
  expect(cookie?.value).not.toBe(FORGED_CART_COOKIE);
  expect(await cartQuantity(db, page, SEED_BOOK.ean)).toBe(1);
});

test('a price field added to the checkout form is ignored: the database price is charged', async ({
  page,
  db,
  request,
}) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.goto('/commande');
  const email = uniqueEmail('prix');
  await fillCheckout(page, { email });
  const submit = page.getByRole('button', { name: 'Commander avec obligation de paiement' });
  for (const name of ['priceCents', 'unitPriceCents', 'totalCents', 'shippingCents'])
    await addHiddenField(submit, name, '1');
  const sessionId = await placeOrder(page);

  await expect(
    page.getByRole('region', { name: 'Récapitulatif' }).getByRole('row', { name: SEED_BOOK.title }),
  ).toContainText(euros('29,00'));
  await expect(page.getByRole('button', { name: /^Payer 33,90\s€$/ })).toBeVisible();
  expect(await requireOrderBySession(db, sessionId)).toMatchObject({
    email,
    status: 'pending_payment',
    shippingCents: 490,
    totalCents: 3390,
  });

  // Leave no open session behind.
  expect((await request.post(`${EMULATOR_URL}/_emulator/sessions/${sessionId}/expire-now`)).status()).toBe(200);
  await expect
    .poll(async () => (await requireOrderBySession(db, sessionId)).status, { timeout: 10_000 })
    .toBe('expired');
});
