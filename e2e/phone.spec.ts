import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { addToCart, euros, expect, SEED_BOOK, test } from './support/shop';

// The reader's first screen on a 390 × 844 phone: what is needed to decide and to act
// is in the viewport without scrolling, and axe finds nothing to fix at that size.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A demo book with a cover image (prisma/demo-catalog/covers.ts), in the seed book's collection. */
const BOOK_WITH_COVER = { ean: '9782296998414', title: "L'action publique territoriale" };

async function expectNoViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Wholly visible in the first screen, without scrolling. */
async function expectInFirstScreen(page: Page, ...locators: Locator[]) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const locator of locators) await expect(locator).toBeInViewport({ ratio: 1 });
}

test('the seed book: title, author, price, availability and "Ajouter au panier" in the first screen', async ({
  page,
}) => {
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  const main = page.getByRole('main');
  const buyBox = main.getByRole('region', { name: 'Prix et disponibilité' });
  await expectInFirstScreen(
    page,
    page.getByRole('heading', { level: 1, name: SEED_BOOK.title }),
    main.getByRole('link', { name: 'Fabrice Dhume-Sonzogni' }).first(),
    buyBox.getByText(euros('29,00')),
    buyBox.getByText('Expédié sous 6 à 10 jours'),
    buyBox.getByRole('button', { name: 'Ajouter au panier' }),
  );
  await expectNoViolation(page);
});

test('a book with a cover image: the cover is resized by next/image and the buy box stays in the first screen', async ({
  page,
}) => {
  const images: { url: string; status: number; type: string }[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/_next/image'))
      images.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] ?? '' });
  });
  await page.goto(`/livre/${BOOK_WITH_COVER.ean}`);
  const cover = page.getByRole('img', { name: `Couverture de « ${BOOK_WITH_COVER.title} »` });
  await expect(cover).toHaveAttribute('loading', 'eager');
  await expect(cover).toHaveAttribute('width', '600');
  await expect(cover).toHaveAttribute('height', '900');
  await expect
    .poll(() => cover.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
    .toBe(true);
  const buyBox = page.getByRole('main').getByRole('region', { name: 'Prix et disponibilité' });
  await expectInFirstScreen(
    page,
    cover,
    page.getByRole('heading', { level: 1, name: new RegExp(`^${BOOK_WITH_COVER.title}`) }),
    buyBox.getByText(euros('26,50')),
    buyBox.getByRole('button', { name: 'Ajouter au panier' }),
  );
  // A small WebP for a small screen, not the 600 px original.
  const loaded = images.find((image) => image.url.includes(encodeURIComponent(`/covers/${BOOK_WITH_COVER.ean}.webp`)));
  expect(loaded).toMatchObject({ status: 200, type: 'image/webp' });
  expect(Number(new URL(loaded!.url).searchParams.get('w'))).toBeLessThanOrEqual(384);
  await expectNoViolation(page);
});

test('the cart: its total and "Passer commande" in the first screen', async ({ page }) => {
  await addToCart(page, SEED_BOOK.ean);
  const totals = page.getByRole('table', { name: 'Total avec livraison à domicile' });
  await expectInFirstScreen(
    page,
    page.getByRole('heading', { level: 1, name: 'Votre panier' }),
    totals.getByRole('row', { name: /^Total TTC/ }),
    page.getByRole('link', { name: 'Passer commande' }),
  );
  await expect(totals.getByRole('row', { name: /^Total TTC/ })).toContainText(euros('33,90'));
  await expectNoViolation(page);
});

test('checkout: the total and the first field in the first screen, the total again by the pay button', async ({
  page,
}) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.goto('/commande');
  const totals = page.getByRole('table', { name: 'Total avec livraison à domicile' });
  await expectInFirstScreen(
    page,
    page.getByRole('heading', { level: 1, name: 'Commande' }),
    totals.getByRole('row', { name: /^Total TTC/ }),
    page.getByLabel('Adresse e-mail'),
  );
  // The form comes first on a phone; the price is repeated right above the button (L221-14).
  const pay = page.getByRole('button', { name: 'Commander avec obligation de paiement' });
  await pay.scrollIntoViewIfNeeded();
  const reminder = page.getByText(/^Total à payer : 33,90\s€ avec livraison à domicile, 29,00\s€ avec retrait/);
  await expect(pay).toBeInViewport({ ratio: 1 });
  await expect(reminder).toBeInViewport({ ratio: 1 });
  await expectNoViolation(page);
});

test('the header on a phone: the cart within reach, no horizontal scrolling', async ({ page }) => {
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  await expectInFirstScreen(
    page,
    page.getByRole('link', { name: /^Panier/ }),
    page.getByRole('searchbox', { name: /Rechercher un livre/ }),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
