import { expect, test } from './support/shop';

// Past the numbered pages a listing goes on by key (`?apres=`, lib/validation/listing-key.ts).
// The demo catalog has fewer books than the numbered pages hold, so the walk starts from a key
// written here: after price 0 and id 1, by increasing price, i.e. the whole catalog.
const AFTER_PRICE_ZERO = Buffer.from(JSON.stringify([0, 1])).toString('base64url');

test('a reader follows "Page suivante" through pages reached by key, never the same book twice', async ({ page }) => {
  await page.goto(`/livres?tri=prix-croissant&apres=${AFTER_PRICE_ZERO}`);
  const books = page.getByRole('region', { name: 'Livres du catalogue' });
  await expect(books.getByRole('status')).toContainText('suite de la liste');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');
  expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await expect(pagination.getByRole('link', { name: 'Première page' })).toHaveAttribute(
    'href',
    '/livres?tri=prix-croissant',
  );
  const first = await books.getByRole('heading', { level: 3 }).allTextContents();
  expect(first).toHaveLength(24);

  await pagination.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/[?&]tri=prix-croissant&apres=[\w-]+$/);
  // The client navigation changes the URL before the new page is shown.
  await expect(books.getByRole('heading', { level: 3 }).first()).not.toHaveText(first[0]!);
  const second = await books.getByRole('heading', { level: 3 }).allTextContents();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((title) => first.includes(title))).toEqual([]);
});

test('a forged, huge or foreign key shows the first page, never an error', async ({ page }) => {
  const foreign = Buffer.from(JSON.stringify(['2024-02-30', 5])).toString('base64url');
  for (const apres of ['%00', 'A'.repeat(9_000), foreign, Buffer.from('[1,9007199254740993]').toString('base64url')]) {
    const response = await page.goto(`/livres?apres=${apres}`);
    expect(response?.status()).toBe(200);
    const books = page.getByRole('region', { name: 'Livres du catalogue' });
    await expect(books.getByRole('status')).toContainText('page 1 sur');
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/livres$/);
  }
});
