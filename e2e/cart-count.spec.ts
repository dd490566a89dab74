import { addToCart, expect, SEED_BOOK, test } from './support/shop';

// The header's cart count: rendered on the server from the cart cookie, so it is right
// without JavaScript; updated after each change; read as "Panier, 2 articles".
const OTHER_BOOK = '9782130835219'; // Le service public: in stock, with a distributor.

test('without JavaScript, the header counts the copies after each add', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`/livre/${SEED_BOOK.ean}`);
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Panier', exact: true })).toBeVisible();

    const main = page.getByRole('main');
    await main.getByLabel('Quantité').fill('2');
    await main.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page).toHaveURL(/\/panier$/);
    const cartLink = header.getByRole('link', { name: 'Panier, 2 articles', exact: true });
    await expect(cartLink).toBeVisible();
    await expect(cartLink).toHaveText('Panier (2)');

    await page.goto(`/livre/${OTHER_BOOK}`);
    await main.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page).toHaveURL(/\/panier$/);
    await expect(header.getByRole('link', { name: 'Panier, 3 articles', exact: true })).toBeVisible();
    // Every page shows it, not only the cart.
    await page.goto('/conditions-generales-de-vente');
    await expect(header.getByRole('link', { name: 'Panier, 3 articles', exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('with JavaScript, the count follows an add and a change of quantity in the cart', async ({ page }) => {
  await addToCart(page, SEED_BOOK.ean);
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Panier, 1 article', exact: true })).toBeVisible();

  await page.getByLabel(`Quantité de « ${SEED_BOOK.title} »`).fill('3');
  await page.getByRole('button', { name: 'Mettre à jour' }).click();
  await expect(header.getByRole('link', { name: 'Panier, 3 articles', exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Retirer « ${SEED_BOOK.title} » du panier` }).click();
  await expect(page.getByText('Votre panier est vide.')).toBeVisible();
  await expect(header.getByRole('link', { name: 'Panier', exact: true })).toBeVisible();
});
