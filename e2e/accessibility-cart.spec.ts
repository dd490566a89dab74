import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  addToCart,
  EMULATOR_URL,
  expect,
  fillCheckout,
  payWithCard,
  placeOrder,
  SEED_BOOK,
  test,
  uniqueEmail,
} from './support/shop';

// The purchase pages under axe, with the same WCAG 2.1 A/AA rules as accessibility.spec.ts:
// the cart with a book in it, the checkout form (blank and with its error messages), and the
// emulator's payment page, which stands in for Stripe's during the demo and the tests.

async function expectNoViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('axe finds no violation on /panier with a book in the cart', async ({ page }) => {
  await addToCart(page, SEED_BOOK.ean);
  await expect(page.getByRole('link', { name: SEED_BOOK.title })).toBeVisible();
  await expectNoViolation(page);
});

test('axe finds no violation on /commande, blank and with field errors', async ({ page }) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.goto('/commande');
  await expect(page.getByRole('button', { name: 'Commander avec obligation de paiement' })).toBeVisible();
  await expectNoViolation(page);

  await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Vérifiez les champs signalés.');
  await expectNoViolation(page);
});

test('axe finds no violation on the payment page, blank and after a declined card', async ({ page, request }) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.goto('/commande');
  await fillCheckout(page, { email: uniqueEmail('axe') });
  const sessionId = await placeOrder(page);
  await expect(page.getByRole('button', { name: /^Payer / })).toBeVisible();
  await expectNoViolation(page);

  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toHaveText('Votre carte a été refusée.');
  await expectNoViolation(page);

  // Leave no open session behind.
  expect((await request.post(`${EMULATOR_URL}/_emulator/sessions/${sessionId}/expire-now`)).status()).toBe(200);
});
