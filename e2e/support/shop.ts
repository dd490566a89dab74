import { expect, test as base, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { E2E_PORTS } from './ports';

// What the purchase specs share: the e2e database (to check outcomes the reader cannot see),
// the local Stripe emulator started by scripts/start.ts, and the steps of a purchase.

/** The embedded PostgreSQL that playwright.config.ts starts for the e2e run. */
export const E2E_DATABASE_URL = `postgresql://librairie:librairie-local@127.0.0.1:${E2E_PORTS.database}/librairie`;

/** The Stripe emulator: hosted payment pages and test control endpoints (scripts/stripe-emulator/README.md). */
export const EMULATOR_URL = `http://127.0.0.1:${E2E_PORTS.emulator}`;

/** The emulator as the browser reaches it (the address the shop redirects to). */
export const EMULATOR_PUBLIC_URL = `http://localhost:${E2E_PORTS.emulator}`;

export const SEED_BOOK = { ean: '9782296013681', title: "La coopération dans l'action publique" };

export const test = base.extend<{ failOnServerError: void }, { db: pg.Pool }>({
  db: [
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: E2E_DATABASE_URL, max: 2 });
      await provide(pool);
      await pool.end();
    },
    { scope: 'worker' },
  ],
  // Each test is a reader of its own: its own address (the e2e server trusts one proxy, see
  // playwright.config.ts), so one test's per-client limits never spill into the next.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const hash = [...testInfo.testId].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);
    await provide({ ...extraHTTPHeaders, 'x-forwarded-for': `10.200.${(hash >>> 8) % 256}.${hash % 256}` });
  },
  // Bad input must give a page with a message, never a server error: every response is watched.
  failOnServerError: [
    async ({ page }, provide) => {
      const failures: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 500)
          failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      });
      await provide();
      expect(failures, 'responses with a 5xx status').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** "29,00 €" as the shop and the emulator print it (Intl fr-FR puts a narrow no-break space before €). */
export function euros(amount: string): RegExp {
  return new RegExp(`${amount}\\s€`);
}

/** A fresh address per test, so orders can be counted by e-mail whatever ran before. */
export function uniqueEmail(tag: string): string {
  return `lecteur.${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;
}

export type StockRow = { bookId: number; title: string; onHand: number; held: number };

export async function stockOf(db: pg.Pool, ean: string): Promise<StockRow> {
  const { rows } = await db.query<StockRow>(
    `SELECT b."id" AS "bookId", b."title", s."onHand", s."held"
       FROM "Book" b JOIN "StockLevel" s ON s."bookId" = b."id"
      WHERE b."ean" = $1`,
    [ean],
  );
  if (!rows[0]) throw new Error(`No stock row for the book ${ean}`);
  return rows[0];
}

export type OrderRow = {
  id: number;
  reference: string;
  status: string;
  email: string;
  deliveryMethod: string;
  shippingCents: number;
  totalCents: number;
};

export async function orderBySession(db: pg.Pool, sessionId: string): Promise<OrderRow | null> {
  const { rows } = await db.query<OrderRow>(
    `SELECT "id", "reference", "status", "email", "deliveryMethod", "shippingCents", "totalCents"
       FROM "Order" WHERE "stripeSessionId" = $1`,
    [sessionId],
  );
  return rows[0] ?? null;
}

export async function requireOrderBySession(db: pg.Pool, sessionId: string): Promise<OrderRow> {
  const order = await orderBySession(db, sessionId);
  if (!order) throw new Error(`No order for the Checkout Session ${sessionId}`);
  return order;
}

export async function holdsOf(
  db: pg.Pool,
  orderId: number,
): Promise<{ bookId: number; quantity: number; status: string }[]> {
  const { rows } = await db.query<{ bookId: number; quantity: number; status: string }>(
    `SELECT "bookId", "quantity", "status" FROM "Hold" WHERE "orderId" = $1 ORDER BY "id"`,
    [orderId],
  );
  return rows;
}

export async function countOrders(db: pg.Pool, email?: string): Promise<number> {
  const { rows } = email
    ? await db.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "Order" WHERE "email" = $1`, [email])
    : await db.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "Order"`);
  return rows[0]?.count ?? 0;
}

/** Carts in the database, with or without lines: a refused change must not even create one. */
export async function countCarts(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "Cart"`);
  return rows[0]?.count ?? 0;
}

/** The id of this browser's cart, read from its signed `panier` cookie ("<uuid>.<signature>"). */
export async function cartIdOf(page: Page): Promise<string | null> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'panier');
  return cookie ? cookie.value.slice(0, cookie.value.lastIndexOf('.')) : null;
}

/** Copies of the book in this browser's cart, from the database (0 when there is no line). */
export async function cartQuantity(db: pg.Pool, page: Page, ean: string): Promise<number> {
  const cartId = await cartIdOf(page);
  if (!cartId) return 0;
  const { rows } = await db.query<{ quantity: number }>(
    `SELECT l."quantity" FROM "CartLine" l JOIN "Book" b ON b."id" = l."bookId" WHERE l."cartId" = $1 AND b."ean" = $2`,
    [cartId, ean],
  );
  return rows[0]?.quantity ?? 0;
}

/** From the book page, as a reader does; lands on the cart. */
export async function addToCart(page: Page, ean: string, quantity = 1): Promise<void> {
  await page.goto(`/livre/${ean}`);
  const main = page.getByRole('main');
  await main.getByLabel('Quantité').fill(String(quantity));
  await main.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(page).toHaveURL(/\/panier$/);
}

export type Delivery = { email: string; method?: 'home' | 'pickup' };

/** Fills /commande (already open) with a valid French address, or none for pickup. */
export async function fillCheckout(page: Page, { email, method = 'home' }: Delivery): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom et prénom').fill('Camille Martin');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  if (method === 'pickup') {
    await page.getByRole('radio', { name: /^Retrait en librairie/ }).check();
    return;
  }
  await page.getByRole('radio', { name: /^Livraison à domicile \(Colissimo\)/ }).check();
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue Soufflot');
  await page.getByLabel('Code postal').fill('75005');
  await page.getByLabel('Ville').fill('Paris');
}

/** Submits the order and waits for the emulator's payment page; returns the Checkout Session id. */
export async function placeOrder(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR_PUBLIC_URL}/pay/cs_`));
  return sessionIdOf(page);
}

export function sessionIdOf(page: Page): string {
  const match = /\/pay\/(cs_[A-Za-z0-9_]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a payment page: ${page.url()}`);
  return match[1];
}

/** On the emulator's hosted page: fills the card form and presses "Payer …". */
export async function payWithCard(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel('Numéro de carte').fill(cardNumber);
  await page.getByLabel("Date d'expiration (MM/AA)").fill('12/34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Nom du titulaire').fill('Camille Martin');
  await page.getByRole('button', { name: /^Payer / }).click();
}

/**
 * The confirmation page reads the order; the webhook that marks it paid may land a moment after
 * the redirect, so the page is reloaded until it says "payée". Returns the order number shown.
 */
export async function expectPaidConfirmation(page: Page, sessionId: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`/commande/confirmation\\?session_id=${sessionId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merci pour votre commande');
  const status = page.getByText(/^Commande n° LF-[0-9A-Z]{8} — statut :/);
  await expect(async () => {
    await page.reload();
    await expect(status).toHaveText(/statut : payée$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const reference = /LF-[0-9A-Z]{8}/.exec((await status.textContent()) ?? '')?.[0];
  if (!reference) throw new Error('No order number on the confirmation page');
  return reference;
}

/**
 * Lets the form of this submit button post what the browser would refuse (empty, negative,
 * non-numeric or too large quantities), as a hand-made request would: the server must refuse it.
 */
export async function disableBrowserValidation(submitButton: Locator): Promise<void> {
  await submitButton.evaluate((button) => {
    const form = button instanceof HTMLButtonElement ? button.form : null;
    if (!form) throw new Error('This button submits no form');
    form.noValidate = true;
    for (const input of form.querySelectorAll('input[type="number"]')) input.setAttribute('type', 'text');
  });
}

/** Adds a field the shop never asked for to the form of this submit button (a tampered POST). */
export async function addHiddenField(submitButton: Locator, name: string, value: string): Promise<void> {
  await submitButton.evaluate(
    (button, field) => {
      const form = button instanceof HTMLButtonElement ? button.form : null;
      if (!form) throw new Error('This button submits no form');
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = field.name;
      input.value = field.value;
      form.append(input);
    },
    { name, value },
  );
}

/** A reader buys these books with home delivery and pays by card; returns the order number. */
export async function readerBuys(page: Page, eans: string[], email: string = uniqueEmail('lecteur')): Promise<string> {
  for (const ean of eans) await addToCart(page, ean);
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(page, { email });
  const sessionId = await placeOrder(page);
  await payWithCard(page, '4242 4242 4242 4242');
  return expectPaidConfirmation(page, sessionId);
}
