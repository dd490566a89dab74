import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signValue } from '../lib/session/signed-value';
import { startAppInstance, type AppInstance } from '../scripts/test/app-instance';
import { freePort } from '../scripts/test/database';
import { SEED_BOOK } from './support/shop';

// When the database stops answering, the reader gets the shop's French 503 page, with or without
// JavaScript, never a blank page or a 500 (docs/decisions/007). A second
// instance of the built app is started on a database address where nothing listens.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const COOKIE_SECRET = 'database-down-spec-cookie-secret-0123456789';
const HEADING = 'Service momentanément indisponible';
let down: AppInstance;

test.beforeAll(async () => {
  const port = await freePort();
  const closedPort = await freePort();
  down = await startAppInstance(
    port,
    {
      DATABASE_URL: `postgresql://librairie:librairie-local@127.0.0.1:${closedPort}/librairie`,
      SITE_URL: `http://127.0.0.1:${port}`,
      COOKIE_SECRET,
      STRIPE_WEBHOOK_SECRET: 'whsec_database_down_spec_secret',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    },
    { ready: 'answering' },
  );
});
test.afterAll(() => down?.stop());

/** Every 5xx the browser received: only the 503 page may be one. */
function watchServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 500 && !(response.status() === 503 && url.pathname === '/indisponible'))
      errors.push(`${response.status()} ${url.pathname}`);
  });
  return errors;
}

// Every page of the storefront reads the database: the catalog, and the shop's settings (the
// terms' seller identity, the cart's and checkout's shipping table).
const PAGES = [
  '/',
  '/livres',
  `/livre/${SEED_BOOK.ean}`,
  '/recherche?q=droit',
  '/theme/droit',
  '/auteur/fabrice-dhume-sonzogni',
  '/conditions-generales-de-vente',
  '/panier',
  '/commande',
];

/** An address no route serves: its 404 page is the one page that reads nothing but the frame. */
const UNKNOWN_PATH = '/page-qui-n-existe-pas';

for (const javaScriptEnabled of [false, true]) {
  test(`every page that reads the database gives the 503 page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors = watchServerErrors(page);
    try {
      for (const path of PAGES) {
        const response = await page.goto(`${down.url}${path}`);
        expect(response?.status(), path).toBe(503);
        expect(response?.headers()['retry-after'], path).toBe('5');
        expect(page.url(), path).toBe(`${down.url}/indisponible?retour=${encodeURIComponent(path)}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING);
        // "Réessayer" brings the reader back where they were.
        await expect(page.getByRole('link', { name: 'Réessayer dans un instant' })).toHaveAttribute('href', path);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test('a click from a page that needs no database lands on the 503 page (client-side navigation)', async ({ page }) => {
  const errors = watchServerErrors(page);
  // The frame renders on its defaults (lib/data/staff/shop-settings.ts, getShopSettingsForFrame).
  const notFound = await page.goto(`${down.url}${UNKNOWN_PATH}`);
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect.poll(() => page.evaluate(() => Boolean((window as { next?: unknown }).next))).toBe(true);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Catalogue' })
    .click();
  await expect(page).toHaveURL(`${down.url}/indisponible?retour=${encodeURIComponent('/livres')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING);
  expect(errors).toEqual([]);
});

test('with a cart: the cart and checkout give the 503 page; the frame shows without the count', async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    await context.addCookies([
      { name: 'panier', value: signValue(randomUUID(), COOKIE_SECRET), url: down.url, httpOnly: true },
    ]);
    const page = await context.newPage();
    const errors = watchServerErrors(page);
    try {
      for (const path of ['/panier', '/commande']) {
        const response = await page.goto(`${down.url}${path}`);
        expect(response?.status(), path).toBe(503);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING);
      }
      // The layout cannot count the cart: it leaves the count out rather than failing the page.
      const notFound = await page.goto(`${down.url}${UNKNOWN_PATH}`);
      expect(notFound?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
      const cartLink = page.getByRole('banner').getByRole('link', { name: 'Panier', exact: true });
      await expect(cartLink).toHaveText('Panier');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }
});

test('a program gets a redirect to the 503 page, then 503 with Retry-After', async ({ request }) => {
  const redirect = await request.get(`${down.url}/livres`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()['location']).toBe(`/indisponible?retour=${encodeURIComponent('/livres')}`);
  const health = await request.get(`${down.url}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: 'unavailable', database: 'down' });
  // A crawler reading the sitemap is told to come back, not that the shop is broken.
  for (const sitemap of ['/sitemap.xml', '/plan-du-site/livres-0.xml']) {
    const answer = await request.get(`${down.url}${sitemap}`);
    expect(answer.status(), sitemap).toBe(503);
    expect(answer.headers()['retry-after'], sitemap).toBeTruthy();
    expect((await answer.json()).error.code, sitemap).toBe('DATABASE_UNAVAILABLE');
  }
});
