import { family, histogramSeries, parseMetrics } from '../scripts/test/prometheus-text';
import { booksOnShelf, createStaff, logIn } from './support/admin';
import { APP_METRICS_URL, BEARER, metricValue, scrape, WORKER_METRICS_URL } from './support/metrics';
import {
  addToCart,
  cartIdOf,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  requireOrderBySession,
  SEED_BOOK,
  test,
  uniqueEmail,
} from './support/shop';

// The shop's metrics as Prometheus reads them: the app's /api/metrics and the worker's own
// endpoint refuse strangers, parse as Prometheus text, and their counters move as a reader acts:
// a payment, the e-mail it owes, a transaction refused as busy.

const RETRY = 'Trop de demandes en même temps : réessayez dans un instant.';

test.describe.configure({ mode: 'serial' });

test('strangers get 401, from the app and from the worker; a bookseller without the admin role 403', async ({
  page,
  db,
}) => {
  for (const url of [APP_METRICS_URL, WORKER_METRICS_URL]) {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-the-token-but-long-enough-0123456789' },
    ];
    for (const headers of attempts) {
      const response = await fetch(url, { headers });
      expect(response.status, url).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('librairie_');
    }
  }
  await logIn(page, await createStaff(db, 'libraire'));
  expect((await page.request.get(APP_METRICS_URL)).status()).toBe(403);
});

test('an admin signed in reads them in the browser; a scraper with the token as Prometheus text', async ({
  page,
  db,
}) => {
  await page.goto(`/livre/${SEED_BOOK.ean}`);
  await logIn(page, await createStaff(db, 'admin'));
  const asAdmin = await page.request.get(APP_METRICS_URL);
  expect(asAdmin.status()).toBe(200);
  expect(parseMetrics(await asAdmin.text()).length).toBeGreaterThan(10);

  const response = await fetch(APP_METRICS_URL, { headers: BEARER });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const text = await response.text();
  const families = parseMetrics(text);
  expect(family(families, 'librairie_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
  for (const name of [
    'librairie_db_pool_connections',
    'librairie_job_queue_depth',
    'librairie_front_cache_purges_pending',
    'librairie_emails_waiting',
    'librairie_payments_applied_total',
  ]) {
    expect(family(families, name), name).toBeDefined();
  }
  // The book page is counted under its route pattern, never under its path.
  const routes = new Set(
    histogramSeries(text, 'librairie_http_request_duration_seconds').map((labels) => labels.route),
  );
  expect(routes).toContain('/livre/[ean]');
  expect(routes).toContain('/api/health');
  expect([...routes].filter((route) => route?.includes(SEED_BOOK.ean))).toEqual([]);

  const worker = await scrape(WORKER_METRICS_URL);
  expect(family(worker, 'librairie_emails_total')?.type).toBe('COUNTER');
  expect(family(worker, 'librairie_db_pool_connections')).toBeDefined();
});

test('a payment moves the webhook’s payments and the holds placed, and its e-mail the worker’s e-mails sent', async ({
  page,
  db,
}) => {
  const paymentsBefore = await metricValue(APP_METRICS_URL, 'librairie_payments_applied_total', { source: 'webhook' });
  const holdsBefore = await metricValue(APP_METRICS_URL, 'librairie_holds_placed_total');
  const sentBefore = await metricValue(WORKER_METRICS_URL, 'librairie_emails_total', { outcome: 'sent' });

  // A book on the shelf: its copy is held while the reader pays.
  const [book] = await booksOnShelf(db, 1);
  await addToCart(page, book!.ean);
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(page, { email: uniqueEmail('metriques') });
  const sessionId = await placeOrder(page);
  // The confirmation page applies a payment whose webhook is late: held back until the webhook
  // has applied this one, so the count is the webhook's.
  let paidByWebhook: Promise<void> | undefined;
  await page.route('**/commande/confirmation**', async (route) => {
    paidByWebhook ??= expect
      .poll(async () => (await requireOrderBySession(db, sessionId)).status, { timeout: 15_000 })
      .toBe('paid');
    await paidByWebhook;
    await route.continue();
  });
  await payWithCard(page, '4242 4242 4242 4242');
  await expectPaidConfirmation(page, sessionId);

  expect(await metricValue(APP_METRICS_URL, 'librairie_payments_applied_total', { source: 'webhook' })).toBe(
    paymentsBefore + 1,
  );
  expect(await metricValue(APP_METRICS_URL, 'librairie_holds_placed_total')).toBe(holdsBefore + 1);
  await expect
    .poll(() => metricValue(WORKER_METRICS_URL, 'librairie_emails_total', { outcome: 'sent' }), { timeout: 30_000 })
    .toBeGreaterThan(sentBefore);
  const { reference } = await requireOrderBySession(db, sessionId);
  const { rows } = await db.query<{ status: string }>(
    `SELECT e."status"::text AS status FROM "EmailMessage" e JOIN "Order" o ON o."id" = e."orderId"
      WHERE o."reference" = $1 AND e."kind" = 'order_confirmation'`,
    [reference],
  );
  expect(rows).toEqual([{ status: 'sent' }]);
});

test('a cart change waiting on a lock past lock_timeout is refused as busy, and counted', async ({ page, db }) => {
  const before = await metricValue(APP_METRICS_URL, 'librairie_transaction_busy_total', { limits: 'buying_path' });
  await addToCart(page, SEED_BOOK.ean);
  const cartId = await cartIdOf(page);
  // Another transaction holds the cart's row longer than the pool's lock_timeout (4 s,
  // lib/database/prisma-client.ts): the next change of this cart waits for it, then gives up.
  const locker = await db.connect();
  try {
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM "Cart" WHERE "id" = $1::uuid FOR UPDATE`, [cartId]);
    await page.goto(`/livre/${SEED_BOOK.ean}`);
    await page.getByRole('main').getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page.getByText(RETRY)).toBeVisible({ timeout: 15_000 });
  } finally {
    await locker.query('ROLLBACK');
    locker.release();
  }
  expect(await metricValue(APP_METRICS_URL, 'librairie_transaction_busy_total', { limits: 'buying_path' })).toBe(
    before + 1,
  );
});
