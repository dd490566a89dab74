import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { missingFrontCachePackages } from '../scripts/front-cache/daemons';
import { CACHED, importOnix, startCachedShop, type CachedShop } from './support/cached-shop';
import {
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  sessionIdOf,
  test,
  uniqueEmail,
} from './support/shop';

// The production setup (`npm run start:cached`: Varnish → the app) serves public pages
// from its cache, and never a stale one: after a sale, an expiry, a delivery or an import, the
// next request through the front cache shows what the app renders now.
// docs/decisions/014-front-cache.md

const missing = missingFrontCachePackages();
test.skip(missing !== null, `varnish or varnish-modules missing: ${missing ?? ''}`);
test.describe.configure({ mode: 'serial' });

let shop: CachedShop;
let db: pg.Pool;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  shop = await startCachedShop();
  db = new pg.Pool({ connectionString: CACHED.databaseUrl, max: 2 });
});

test.afterAll(async () => {
  await db?.end();
  await shop?.stop();
});

type Seen = {
  cache: string | null;
  csp: string;
  availability: string;
  price: string;
  nonces: string[];
  html: string;
};

async function read(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<Seen> {
  const response = await request.get(url, { headers, maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  return {
    cache: response.headers()['x-cache'] ?? null,
    csp: response.headers()['content-security-policy'] ?? '',
    availability: /class="availability availability--[a-z_]+">([^<]+)</.exec(html)?.[1] ?? '',
    price: /<p class="price">([^<]+)</.exec(html)?.[1] ?? '',
    nonces: [...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]!),
    html,
  };
}

/**
 * Through the front cache, once stored: the second of two requests is a hit, and that hit is
 * returned (a third request could meet the delayed second purge of an earlier write, 5 s later).
 */
async function readCached(request: APIRequestContext, pathname: string): Promise<Seen> {
  let hit: Seen | undefined;
  await expect(async () => {
    await read(request, `${CACHED.url}${pathname}`);
    hit = await read(request, `${CACHED.url}${pathname}`);
    expect(hit.cache).toBe('HIT');
  }).toPass({ timeout: 15_000 });
  return hit!;
}

/** What the app renders right now, bypassing the cache. */
async function readFresh(request: APIRequestContext, pathname: string): Promise<Seen> {
  return read(request, `${CACHED.appUrl}${pathname}`);
}

/** A write made outside the app (psql, a script) is purged by the worker, on NOTIFY. */
async function waitForWorkerPurges(): Promise<void> {
  await expect(async () => {
    const { rows } = await db.query<{ due: number }>(
      `SELECT count(*)::int AS due FROM "FrontCachePurge" WHERE "dueAt" <= now()`,
    );
    expect(rows[0]!.due).toBe(0);
  }).toPass({ timeout: 10_000 });
}

/** Every purge flushed, the delayed ones too (5 s after their write): nothing left to empty a stored page. */
async function waitForAllPurges(): Promise<void> {
  await expect(async () => {
    const { rows } = await db.query<{ left: number }>(`SELECT count(*)::int AS left FROM "FrontCachePurge"`);
    expect(rows[0]!.left).toBe(0);
  }).toPass({ timeout: 20_000 });
}

async function setOnHand(ean: string, onHand: number): Promise<void> {
  await db.query(
    `UPDATE "StockLevel" SET "onHand" = $2, "updatedAt" = now() WHERE "bookId" = (SELECT "id" FROM "Book" WHERE "ean" = $1)`,
    [ean, onHand],
  );
}

/** A listed book the distributor can supply, and with no copy held. */
async function orderableBook(exclude: string[]): Promise<string> {
  const { rows } = await db.query<{ ean: string }>(
    `SELECT b."ean" FROM "Book" b JOIN "StockLevel" s ON s."bookId" = b."id"
      WHERE b."delistedAt" IS NULL AND b."supplierAvailabilityCode" = '21' AND s."held" = 0
        AND NOT (b."ean" = ANY($1)) ORDER BY b."ean" LIMIT 1`,
    [exclude],
  );
  if (!rows[0]) throw new Error('No orderable book in the demo catalog');
  return rows[0].ean;
}

test('a public page is served from the cache, final: its inline scripts allowed by hash, no nonce', async ({
  request,
}) => {
  // The shop's start-up writes purge pages now and again 5 s later: past both, a stored page stays.
  await waitForAllPurges();
  const ean = await orderableBook([]);
  const first = await readCached(request, `/livre/${ean}`);
  const second = await read(request, `${CACHED.url}/livre/${ean}`);
  expect(second.cache).toBe('HIT');
  expect(second.html).toBe(first.html);
  expect(second.csp).toBe(first.csp);
  expect(first.nonces).toEqual([]);
  expect(first.csp).not.toMatch(/nonce-|strict-dynamic|unsafe-inline/);
  const inline = [...first.html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThan(0);
  for (const script of inline) {
    expect(first.csp).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  }
  // Stored compressed, served compressed to a client that takes it.
  const gzipped = await request.get(`${CACHED.url}/livre/${ean}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzipped.headers()['content-encoding']).toBe('gzip');
  expect(await gzipped.text()).toBe(first.html);

  // Readers cannot purge: PURGE is taken on Varnish's other socket only.
  const purge = await request.fetch(`${CACHED.url}/`, { method: 'PURGE', headers: { 'xkey-purge': 'pages' } });
  expect(purge.status()).toBe(403);
  expect((await read(request, `${CACHED.url}/livre/${ean}`)).cache).toBe('HIT');

  // The home page and the catalog are stored too.
  expect((await readCached(request, '/')).cache).toBe('HIT');
  expect((await readCached(request, '/livres')).cache).toBe('HIT');
});

test('a stored page runs in the browser under its policy, and the app behind it still gives nonces', async ({
  page,
  request,
}) => {
  const ean = await orderableBook([]);
  await readCached(request, `/livre/${ean}`);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(`${CACHED.url}/livre/${ean}`);
  expect(response?.headers()['x-cache']).toBe('HIT');
  // The app's runtime booted: its scripts were allowed by 'self' and the hashes.
  await expect
    .poll(() => page.evaluate(() => Boolean((window as { next?: { appDir?: boolean } }).next?.appDir)))
    .toBe(true);
  expect(violations).toEqual([]);
  // A page rendered for one reader (not stored) keeps a fresh nonce of its own.
  const fresh = await readFresh(request, '/panier');
  expect(fresh.csp).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
});

test('a reader with a cart is never served from the cache', async ({ request }) => {
  const ean = await orderableBook([]);
  await readCached(request, `/livre/${ean}`);
  for (let i = 0; i < 3; i += 1) {
    const seen = await read(request, `${CACHED.url}/livre/${ean}`, {
      cookie: 'panier=00000000-0000-0000-0000-000000000000.x',
    });
    expect(seen.cache).toBe('MISS');
  }
});

test('a signed-in reader is never served from the cache', async ({ request }) => {
  const ean = await orderableBook([]);
  await readCached(request, `/livre/${ean}`);
  for (const cookie of [`librairie-lecteur=${'A'.repeat(43)}`, `theme=x; __Host-librairie-lecteur=${'A'.repeat(43)}`]) {
    const seen = await read(request, `${CACHED.url}/livre/${ean}`, { cookie });
    expect(seen.cache, cookie).toBe('MISS');
  }
});

test('a delivery: the next request shows the copies on the shelf', async ({ request }) => {
  const ean = await orderableBook([]);
  await setOnHand(ean, 0);
  await waitForWorkerPurges();
  const before = await readCached(request, `/livre/${ean}`);
  expect(before.availability).toMatch(/^Expédié sous/);

  // What the stock desk's "livraison reçue" writes; the worker purges on the trigger's NOTIFY.
  await setOnHand(ean, 3);
  await waitForWorkerPurges();
  const after = await read(request, `${CACHED.url}/livre/${ean}`);
  expect(after.availability).toMatch(/^En stock/);
  expect(after.availability).toBe((await readFresh(request, `/livre/${ean}`)).availability);
});

test('a sale through the shop: the next request shows the last copy gone', async ({ page, request }) => {
  const ean = await orderableBook([]);
  await setOnHand(ean, 1);
  await waitForWorkerPurges();
  expect((await readCached(request, `/livre/${ean}`)).availability).toMatch(/^En stock/);

  await page.goto(`${CACHED.url}/livre/${ean}`);
  await page.getByRole('main').getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(page).toHaveURL(/\/panier$/);
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(page, { email: uniqueEmail('cache') });
  await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
  await expect(page).toHaveURL(new RegExp(`^${CACHED.emulatorPublicUrl}/pay/cs_`));
  const sessionId = sessionIdOf(page);
  await payWithCard(page, '4242 4242 4242 4242');
  await expectPaidConfirmation(page, sessionId);

  // The webhook's transaction sold the copy and purged the page before it answered Stripe.
  const after = await read(request, `${CACHED.url}/livre/${ean}`);
  expect(after.availability).toMatch(/^Expédié sous/);
  expect(after.availability).toBe((await readFresh(request, `/livre/${ean}`)).availability);
});

test('an expiry: the copy held for an unpaid order is on sale again, and the page says so', async ({
  page,
  request,
}) => {
  const ean = await orderableBook([]);
  await setOnHand(ean, 1);
  await waitForWorkerPurges();
  await page.goto(`${CACHED.url}/livre/${ean}`);
  await page.getByRole('main').getByRole('button', { name: 'Ajouter au panier' }).click();
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(page, { email: uniqueEmail('cache-expiry') });
  await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
  await expect(page).toHaveURL(new RegExp(`^${CACHED.emulatorPublicUrl}/pay/cs_`));
  const sessionId = sessionIdOf(page);
  const held = await readCached(request, `/livre/${ean}`);

  const expired = await request.post(`${CACHED.emulatorUrl}/_emulator/sessions/${sessionId}/expire-now`);
  expect(expired.status()).toBe(200);
  await expect(async () => {
    const { rows } = await db.query<{ held: number }>(
      `SELECT s."held" FROM "StockLevel" s JOIN "Book" b ON b."id" = s."bookId" WHERE b."ean" = $1`,
      [ean],
    );
    expect(rows[0]!.held).toBe(0);
  }).toPass({ timeout: 15_000 });
  const after = await read(request, `${CACHED.url}/livre/${ean}`);
  expect(after.availability).toMatch(/^En stock/);
  expect(after.availability).toBe((await readFresh(request, `/livre/${ean}`)).availability);
  expect(after.availability).toBe(held.availability);
});

test('a book moved into a theme: the next request of a book page of that theme shows it in its row', async ({
  request,
}) => {
  // A book page, stored with its "Sur le même thème" row; a book in stock from another theme.
  const ean = await orderableBook([]);
  const { rows } = await db.query<{ ean: string; title: string }>(
    `SELECT o."ean", o."title" FROM "Book" o JOIN "StockLevel" s ON s."bookId" = o."id", "Book" b
      WHERE b."ean" = $1 AND o."themeId" <> b."themeId" AND o."availability" = 'in_stock' AND s."onHand" > 0
        AND o."delistedAt" IS NULL AND o."title" ~ '^[[:alnum:] ]+$' ORDER BY o."ean" LIMIT 1`,
    [ean],
  );
  const mover = rows[0]!;
  const html = async () => (await request.get(`${CACHED.url}/livre/${ean}`)).text();
  await waitForWorkerPurges();
  await readCached(request, `/livre/${ean}`);
  expect(await html()).not.toContain(mover.title);

  // Staff file it under the page's theme, as just published: first of the row (in stock, newest).
  await db.query(
    `UPDATE "Book" SET "themeId" = (SELECT "themeId" FROM "Book" WHERE "ean" = $1), "publishedOn" = CURRENT_DATE
      WHERE "ean" = $2`,
    [ean, mover.ean],
  );
  await waitForWorkerPurges();
  expect(await html()).toContain(mover.title);
});

test('an import: the next request shows the distributor’s new price', async ({ request }, testInfo) => {
  test.setTimeout(180_000); // three imports, each applying the migrations first
  const sample = path.resolve(import.meta.dirname, '../lib/onix/samples/distributeur-a.xml');
  const ean = '9782811100001';
  await importOnix(sample);
  const before = await readCached(request, `/livre/${ean}`);
  expect(before.price).toMatch(/^23,50\s€$/);

  const changed = testInfo.outputPath('distributeur-a-nouveau-prix.xml');
  writeFileSync(
    changed,
    readFileSync(sample, 'utf8').replace('<PriceAmount>23.50</PriceAmount>', '<PriceAmount>27.90</PriceAmount>'),
  );
  await importOnix(changed);
  const after = await read(request, `${CACHED.url}/livre/${ean}`);
  expect(after.price).toMatch(/^27,90\s€$/);
  expect(after.cache).toBe('MISS');
  // The distributor's daily feed: a block update (NotificationType 04) carrying only ProductSupply.
  await readCached(request, `/livre/${ean}`);
  const daily = testInfo.outputPath('distributeur-a-mise-a-jour.xml');
  writeFileSync(
    daily,
    `<?xml version="1.0"?><ONIXMessage release="3.1"><Header><Sender><SenderName>Diffusion Exemple</SenderName></Sender></Header>` +
      `<Product><RecordReference>quotidien</RecordReference><NotificationType>04</NotificationType>` +
      `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue></ProductIdentifier>` +
      `<ProductSupply><SupplyDetail><Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>3012345000010</IDValue>` +
      `</SupplierIdentifier><SupplierName>Diffusion Exemple</SupplierName></Supplier><ProductAvailability>21</ProductAvailability>` +
      `<Price><PriceType>04</PriceType><PriceAmount>31.50</PriceAmount><CurrencyCode>EUR</CurrencyCode></Price>` +
      `</SupplyDetail></ProductSupply></Product></ONIXMessage>`,
  );
  await importOnix(daily);
  const updated = await read(request, `${CACHED.url}/livre/${ean}`);
  expect(updated.price).toMatch(/^31,50\s€$/);
  expect(updated.cache).toBe('MISS');
});
