import {
  addToCart,
  EMULATOR_PUBLIC_URL,
  EMULATOR_URL,
  euros,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  requireOrderBySession,
  holdsOf,
  SEED_BOOK,
  stockOf,
  test,
  uniqueEmail,
} from './support/shop';

// A reader buys, from the book page to the paid order, and the shop's books (orders, holds,
// stock ledger) say the same thing as the pages. Each test buys its own book, or the seed book,
// which has no copy on hand and never runs out (ordered from the distributor).

const IN_STOCK_BOOK = '9782130835219'; // "Le service public", 10,00 €, 9 copies on hand at the initial count.
const DECLINED_BOOK = '9782130849575'; // "Droit pénal général", 36,00 €, 8 copies on hand.

test('a reader buys the seed book with home delivery and pays by card', async ({ page, db }) => {
  await addToCart(page, SEED_BOOK.ean);

  await expect(page.getByRole('link', { name: SEED_BOOK.title })).toBeVisible();
  const totals = page.getByRole('table', { name: 'Total avec livraison à domicile' });
  await expect(totals.getByRole('row', { name: /^Livres/ })).toContainText(euros('29,00'));
  await expect(totals.getByRole('row', { name: /^Frais de livraison/ })).toContainText(euros('4,90'));
  await expect(totals.getByRole('row', { name: /^dont TVA 5,5 %/ })).toBeVisible();
  await expect(totals.getByRole('row', { name: /^Total TTC/ })).toContainText(euros('33,90'));

  await page.getByRole('link', { name: 'Passer commande' }).click();
  await expect(page).toHaveURL(/\/commande$/);
  const email = uniqueEmail('domicile');
  await fillCheckout(page, { email });
  const sessionId = await placeOrder(page);

  await expect(page.getByRole('button', { name: /^Payer 33,90\s€$/ })).toBeVisible();
  await payWithCard(page, '4242 4242 4242 4242');
  const reference = await expectPaidConfirmation(page, sessionId);

  const order = await requireOrderBySession(db, sessionId);
  expect(order).toMatchObject({
    reference,
    status: 'paid',
    email,
    deliveryMethod: 'home_delivery',
    shippingCents: 490,
    totalCents: 3390,
  });
  const { rows: lines } = await db.query<{
    ean: string;
    quantity: number;
    fromStockQuantity: number;
    backorderQuantity: number;
  }>(`SELECT "ean", "quantity", "fromStockQuantity", "backorderQuantity" FROM "OrderLine" WHERE "orderId" = $1`, [
    order.id,
  ]);
  // No copy on hand: the copy is ordered from the distributor, so nothing leaves the shelf.
  expect(lines).toEqual([{ ean: SEED_BOOK.ean, quantity: 1, fromStockQuantity: 0, backorderQuantity: 1 }]);
  const { rows: movements } = await db.query(`SELECT 1 FROM "StockMovement" WHERE "orderId" = $1`, [order.id]);
  expect(movements).toHaveLength(0);
  expect(await holdsOf(db, order.id)).toEqual([]);

  await page.goto('/panier');
  await expect(page.getByText('Votre panier est vide.')).toBeVisible();
});

test('a copy on hand is held during payment, then sold: hold consumed and a SALE in the ledger', async ({
  page,
  db,
}) => {
  const before = await stockOf(db, IN_STOCK_BOOK);
  expect(before.onHand - before.held, 'copies left to buy').toBeGreaterThan(0);

  await addToCart(page, IN_STOCK_BOOK);
  await page.goto('/commande');
  await fillCheckout(page, { email: uniqueEmail('en-stock') });
  const sessionId = await placeOrder(page);

  const pending = await requireOrderBySession(db, sessionId);
  expect(pending.status).toBe('pending_payment');
  expect(await holdsOf(db, pending.id)).toEqual([{ bookId: before.bookId, quantity: 1, status: 'active' }]);
  expect(await stockOf(db, IN_STOCK_BOOK)).toMatchObject({ onHand: before.onHand, held: before.held + 1 });

  // 10,00 € of books + 4,90 € of shipping.
  await expect(page.getByRole('button', { name: /^Payer 14,90\s€$/ })).toBeVisible();
  await payWithCard(page, '4242424242424242');
  const reference = await expectPaidConfirmation(page, sessionId);

  await expect.poll(async () => (await requireOrderBySession(db, sessionId)).status, { timeout: 10_000 }).toBe('paid');
  const order = await requireOrderBySession(db, sessionId);
  expect(order.reference).toBe(reference);
  expect(await holdsOf(db, order.id)).toEqual([{ bookId: before.bookId, quantity: 1, status: 'consumed' }]);
  expect(await stockOf(db, IN_STOCK_BOOK)).toMatchObject({ onHand: before.onHand - 1, held: before.held });
  const { rows: movements } = await db.query<{ bookId: number; quantity: number; reason: string; reference: string }>(
    `SELECT "bookId", "quantity", "reason", "reference" FROM "StockMovement" WHERE "orderId" = $1`,
    [order.id],
  );
  expect(movements).toEqual([{ bookId: before.bookId, quantity: -1, reason: 'SALE', reference }]);
  const { rows: lines } = await db.query<{ fromStockQuantity: number; backorderQuantity: number }>(
    `SELECT "fromStockQuantity", "backorderQuantity" FROM "OrderLine" WHERE "orderId" = $1`,
    [order.id],
  );
  expect(lines).toEqual([{ fromStockQuantity: 1, backorderQuantity: 0 }]);
});

test('a declined card keeps the hold; when the session expires the order expires and the copy comes back', async ({
  page,
  db,
  request,
}) => {
  const before = await stockOf(db, DECLINED_BOOK);
  expect(before.onHand - before.held, 'copies left to buy').toBeGreaterThan(0);

  await addToCart(page, DECLINED_BOOK);
  await page.goto('/commande');
  await fillCheckout(page, { email: uniqueEmail('refusee') });
  const sessionId = await placeOrder(page);

  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toHaveText('Votre carte a été refusée.');
  expect(page.url()).toBe(`${EMULATOR_PUBLIC_URL}/pay/${sessionId}`);

  const order = await requireOrderBySession(db, sessionId);
  expect(order.status).toBe('pending_payment');
  expect(await holdsOf(db, order.id)).toEqual([{ bookId: before.bookId, quantity: 1, status: 'active' }]);
  expect((await stockOf(db, DECLINED_BOOK)).held).toBe(before.held + 1);

  const expired = await request.post(`${EMULATOR_URL}/_emulator/sessions/${sessionId}/expire-now`);
  expect(expired.status()).toBe(200);
  expect(await expired.json()).toMatchObject({ id: sessionId, status: 'expired' });

  // The checkout.session.expired webhook does the work; wait for it.
  await expect
    .poll(
      async () => {
        const { status } = await requireOrderBySession(db, sessionId);
        const holds = await holdsOf(db, order.id);
        const { onHand, held } = await stockOf(db, DECLINED_BOOK);
        return { status, holds: holds.map((hold) => hold.status), onHand, held };
      },
      { timeout: 15_000 },
    )
    .toEqual({ status: 'expired', holds: ['released'], onHand: before.onHand, held: before.held });
  const { rows: movements } = await db.query(`SELECT 1 FROM "StockMovement" WHERE "orderId" = $1`, [order.id]);
  expect(movements).toHaveLength(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cette session de paiement a expiré.');
});

test('pickup in the shop is free: no address, no shipping line, 29,00 € charged', async ({ page, db }) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await expect(page.getByRole('radio', { name: /^Retrait en librairie — gratuit \(total 29,00\s€\)$/ })).toBeVisible();
  const email = uniqueEmail('retrait');
  await fillCheckout(page, { email, method: 'pickup' });
  await expect(page.getByLabel('Adresse', { exact: true })).toHaveValue('');
  const sessionId = await placeOrder(page);

  const summary = page.getByRole('region', { name: 'Récapitulatif' });
  await expect(summary.getByRole('row')).toHaveCount(3); // header, the book, the total
  await expect(summary.getByRole('row', { name: SEED_BOOK.title })).toContainText(euros('29,00'));
  await expect(summary).not.toContainText('Livraison');
  await expect(page.getByRole('button', { name: /^Payer 29,00\s€$/ })).toBeVisible();

  await payWithCard(page, '4242 4242 4242 4242');
  await expectPaidConfirmation(page, sessionId);
  await expect(page.getByRole('row', { name: /^Retrait en librairie/ })).toContainText('Gratuit');

  expect(await requireOrderBySession(db, sessionId)).toMatchObject({
    status: 'paid',
    email,
    deliveryMethod: 'shop_pickup',
    shippingCents: 0,
    totalCents: 2900,
  });
  const { rows } = await db.query<{ addressLine1: string | null; postalCode: string | null; city: string | null }>(
    `SELECT "addressLine1", "postalCode", "city" FROM "Order" WHERE "stripeSessionId" = $1`,
    [sessionId],
  );
  expect(rows).toEqual([{ addressLine1: null, postalCode: null, city: null }]);
});
