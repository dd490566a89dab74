import { expect, SEED_BOOK, test } from './support/shop';

// The seed book's page leads to the next book: the other books of its author, of its
// collection and of its theme, each book once, and links to the whole author, collection and theme.
test('the seed book lists the other books of its author, collection and theme', async ({ page }) => {
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  const row = (name: string) => page.getByRole('region', { name });
  const titles = (name: string) => row(name).getByRole('heading', { level: 3 });

  await expect(titles('Du même auteur')).toHaveText(['RMI et psychiatrie']);
  await expect(titles('Dans la même collection')).toHaveText(["L'action publique territoriale"]);
  // In stock or to order first: the book to order, then the one being reprinted.
  await expect(titles('Sur le même thème')).toHaveText([
    'Le maire et ses pouvoirs de police',
    'La police administrative',
  ]);
  await expect(page.getByRole('main').getByRole('button', { name: /^Ajouter au panier/ })).toHaveCount(1);

  // Covers below the fold wait until the reader scrolls to them.
  await expect(
    row('Sur le même thème')
      .getByRole('img', { name: /^Couverture de/ })
      .first(),
  ).toHaveAttribute('loading', 'lazy');

  await row('Dans la même collection')
    .getByRole('link', { name: 'Toute la collection « Administration et Aménagement du territoire »' })
    .click();
  await expect(page).toHaveURL(/\/collection\/administration-et-amenagement-du-territoire$/);
  await page.goBack();

  await row('Sur le même thème').getByRole('link', { name: 'Le maire et ses pouvoirs de police' }).click();
  await expect(page).toHaveURL(/\/livre\/9782701319803$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le maire et ses pouvoirs de police');
  // And back to the seed book from there: same theme.
  await expect(
    page.getByRole('region', { name: 'Sur le même thème' }).getByRole('link', { name: SEED_BOOK.title }),
  ).toBeVisible();
});
