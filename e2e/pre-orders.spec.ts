import type { Page } from '@playwright/test';
import type pg from 'pg';
import { createStaff, expectNoAxeViolation, logIn } from './support/admin';
import { sentEmail } from './support/outbox';
import {
  EMULATOR_URL,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  test,
  uniqueEmail,
} from './support/shop';

// Pre-orders of forthcoming titles, end to end (docs/decisions/023-pre-orders.md): the book page
// says "Précommander" and the publication date, a pre-order is paid through the emulator, the
// first delivery received at the stock desk goes to it ("à préparer"), and another pre-order is
// cancelled from its tracking page and refunded exactly once.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

type Forthcoming = { id: number; ean: string; title: string; expectedOn: string; supplier: string };

/** Two forthcoming titles of the demo catalog with a date to come and a distributor. */
async function forthcomingBooks(db: pg.Pool): Promise<Forthcoming[]> {
  const { rows } = await db.query<Forthcoming>(
    `SELECT b."id", b."ean", b."title", to_char(b."expectedOn", 'DD/MM/YYYY') AS "expectedOn", s."name" AS "supplier"
       FROM "Book" b JOIN "Supplier" s ON s."id" = b."supplierId"
      WHERE b."availability" = 'pre_order' AND b."expectedOn" > now() + interval '2 days' AND b."delistedAt" IS NULL
      ORDER BY b."id" LIMIT 2`,
  );
  if (rows.length < 2) throw new Error(`Only ${rows.length} forthcoming titles in the demo catalog`);
  return rows;
}

const tokenIn = (text: string | null) => /\/suivi\/([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1];

/** On the book page: "Précommander", then the cart and checkout, paid by card. Returns the order number. */
async function preOrder(page: Page, book: Forthcoming, email: string): Promise<string> {
  await page.goto(`/livre/${book.ean}`);
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Précommander' }).click();
  await expect(page).toHaveURL(/\/panier$/);
  await expect(page.getByRole('main')).toContainText(`Précommande — parution le ${book.expectedOn}`);
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await expect(page.getByRole('list', { name: 'Récapitulatif' })).toContainText(
    `Précommande — parution le ${book.expectedOn}`,
  );
  await fillCheckout(page, { email });
  const sessionId = await placeOrder(page);
  await payWithCard(page, '4242 4242 4242 4242');
  const reference = await expectPaidConfirmation(page, sessionId);
  await expect(page.getByRole('main')).toContainText(`Précommande — parution le ${book.expectedOn}`);
  return reference;
}

async function awaitedCopiesOf(db: pg.Pool, bookId: number): Promise<number> {
  const { rows } = await db.query<{ awaited: number }>(
    `SELECT COALESCE(SUM(l."backorderQuantity" - l."receivedQuantity" - l."cancelledBackorderQuantity"), 0)::int AS "awaited"
       FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."bookId" = $1 AND o."status" = 'paid'`,
    [bookId],
  );
  return rows[0]?.awaited ?? 0;
}

let books: Forthcoming[] = [];

test('a forthcoming title is pre-ordered, paid, and served by the first delivery: the order is "à préparer"', async ({
  browser,
  page,
  db,
}) => {
  books = await forthcomingBooks(db);
  const book = books[0]!;
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();

  await reader.goto(`/livre/${book.ean}`);
  const main = reader.getByRole('main');
  await expect(main.getByText(`Parution le ${book.expectedOn}`)).toBeVisible();
  await expect(main.getByText(/^Livraison estimée entre le /)).toBeVisible();
  await expect(main.getByRole('button', { name: 'Ajouter au panier' })).toHaveCount(0);
  await expectNoAxeViolation(reader);

  const reference = await preOrder(reader, book, uniqueEmail('precommande'));
  const confirmation = await sentEmail(db, reference, 'order_confirmation');
  expect(confirmation.text).toContain(`Précommande — parution le ${book.expectedOn}`);
  const token = tokenIn(confirmation.text)!;
  await reader.goto(`/suivi/${token}`);
  await expect(reader.getByRole('table', { name: 'Livres, frais de livraison et TVA' })).toContainText(
    `Précommande — parution le ${book.expectedOn}`,
  );
  await expect(reader.getByRole('link', { name: 'Annuler ma précommande' })).toBeVisible();
  await expectNoAxeViolation(reader);

  // The stock desk receives the first delivery: every copy awaited, so this order is served too.
  const awaited = await awaitedCopiesOf(db, book.id);
  expect(awaited).toBeGreaterThanOrEqual(1);
  await logIn(page, await createStaff(db, 'libraire', 'Inès Garnier'));
  await page.goto('/admin/receptions/nouvelle');
  await page.getByLabel('Distributeur', { exact: true }).selectOption({ label: book.supplier });
  await page.getByLabel('Numéro du bon de livraison ou de la facture').fill(`BL-PRE-${Date.now()}`);
  await page.getByLabel('Exemplaires', { exact: true }).fill(String(awaited));
  const scan = page.getByLabel('EAN (scannez, ou tapez puis Entrée)');
  await scan.fill(book.ean);
  await scan.press('Enter');
  await expect(page.getByLabel(`Exemplaires reçus de « ${book.title} »`)).toHaveValue(String(awaited));
  await page.getByRole('button', { name: 'Valider la réception' }).click();
  await expect(page).toHaveURL(/\/admin\/receptions\/\d+\?enregistree=1$/);
  await expect(page.getByRole('link', { name: reference })).toBeVisible();

  await page.goto(`/admin/commandes/${reference}`);
  await expect(page.getByRole('main')).toContainText('à préparer');
  const { rows } = await db.query<{ received: number; status: string }>(
    `SELECT l."receivedQuantity" AS "received", o."status"::text AS "status"
       FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId" WHERE o."reference" = $1`,
    [reference],
  );
  expect(rows).toEqual([{ received: 1, status: 'paid' }]);
  await readerContext.close();
});

test('another pre-order is cancelled from its tracking page, without JavaScript, and refunded exactly once', async ({
  browser,
  db,
}) => {
  const book = books[1]!;
  const email = uniqueEmail('annulation');
  const buyer = await browser.newContext();
  const reference = await preOrder(await buyer.newPage(), book, email);
  await buyer.close();
  const token = tokenIn((await sentEmail(db, reference, 'order_confirmation')).text)!;

  // The confirmation page, as a reader with JavaScript sees it (axe runs in the page).
  const withScript = await browser.newContext();
  const checked = await withScript.newPage();
  await checked.goto(`/suivi/${token}`);
  await checked.getByRole('link', { name: 'Annuler ma précommande' }).click();
  await expect(checked.getByRole('heading', { level: 1 })).toHaveText('Annuler ma précommande');
  await expect(checked.getByRole('main')).toContainText(book.title);
  await expectNoAxeViolation(checked);
  await withScript.close();

  // The confirmation step works without JavaScript: a plain form post.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const reader = await noScript.newPage();
  await reader.goto(`/suivi/${token}/annuler-precommande`);
  await reader.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(reader.getByRole('status')).toContainText('Votre commande est annulée');

  // Posted again (a second tab, a double click): nothing more is refunded.
  await reader.goto(`/suivi/${token}/annuler-precommande`);
  await expect(reader.getByRole('status')).toContainText('n’est plus annulable');
  await expect(reader.getByRole('button', { name: 'Confirmer l’annulation' })).toHaveCount(0);
  await reader.goto(`/suivi/${token}`);
  await expect(reader.getByText(/^Statut :/)).toHaveText('Statut : annulée');
  await expect(reader.getByRole('link', { name: 'Annuler ma précommande' })).toHaveCount(0);
  await noScript.close();

  const { rows } = await db.query<{ amountCents: number; status: string; totalCents: number; intent: string }>(
    `SELECT r."amountCents", r."status"::text AS "status", o."totalCents", o."stripePaymentIntentId" AS "intent"
       FROM "Refund" r JOIN "Order" o ON o."id" = r."orderId" WHERE o."reference" = $1`,
    [reference],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'succeeded', amountCents: rows[0]!.totalCents });
  // Stripe (the emulator) holds exactly one refund of this payment.
  const atStripe = await fetch(`${EMULATOR_URL}/v1/refunds?payment_intent=${rows[0]!.intent}`, {
    headers: { authorization: 'Bearer sk_test_e2e' },
  });
  const listed = (await atStripe.json()) as { data: { amount: number }[] };
  expect(listed.data.map((refund) => refund.amount)).toEqual([rows[0]!.totalCents]);
  expect((await sentEmail(db, reference, 'refunded')).text).toContain(book.title);
});
