import type pg from 'pg';
import { cookiesOf, formFields, postForm, withValues } from '../scripts/test/action-forms';
import type { AppInstance } from '../scripts/test/app-instance';
import { startSecondInstance } from './support/second-instance';
import { booksOnShelf, expectNoInvariantViolation } from './support/admin';
import { E2E_BASE_URL } from './support/ports';
import { EMULATOR_URL, expect, stockOf, test, uniqueEmail } from './support/shop';

// Nothing lost when the webhooks never come: with the emulator holding every webhook back (the
// shop's endpoint unreachable), 50 readers pay on two app instances and close their tab. The
// worker's reconciliation (every minute, lib/checkout/stripe-reconciliation.ts) finds the
// payments at Stripe: every order is paid within one period, each copy sold once; the webhooks
// released afterwards change nothing.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const READERS = 50;
let second: AppInstance;

const hold = (held: boolean) =>
  fetch(`${EMULATOR_URL}/_emulator/webhooks/hold`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ held }),
  }).then((response) => response.json() as Promise<{ held: boolean; released: number }>);

test.beforeAll(async () => {
  second = await startSecondInstance();
});
test.afterAll(async () => {
  await hold(false);
  await second?.stop();
});

/** 50 more copies on the shelf, with their ledger line, in one transaction, as a count would add them. */
async function addCopies(db: pg.Pool, ean: string, copies: number): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `UPDATE "StockLevel" SET "onHand" = "onHand" + $2, "updatedAt" = now()
        WHERE "bookId" = (SELECT "id" FROM "Book" WHERE "ean" = $1)`,
      [ean, copies],
    );
    await client.query(
      `INSERT INTO "StockMovement" ("bookId", "quantity", "reason", "reference")
       SELECT "id", $2, 'ADJUSTMENT', 'Test de rapprochement Stripe' FROM "Book" WHERE "ean" = $1`,
      [ean, copies],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** The emulator's delivery state of these sessions' payment events. */
async function deliveryStates(sessionIds: string[]): Promise<string[]> {
  const response = await fetch(`${EMULATOR_URL}/_emulator/events?type=checkout.session.completed`);
  const { data } = (await response.json()) as {
    data: { state: string; event: { data: { object: { id: string } } } }[];
  };
  return data.filter((record) => sessionIds.includes(record.event.data.object.id)).map((record) => record.state);
}

/** One reader: the book in a cart, "Commander" on one of the two instances, then paid at Stripe. */
async function readerPays(base: string, ean: string, index: number, email: string): Promise<string> {
  const address = `10.21.${Math.floor(index / 200)}.${index % 200}`;
  const bookPage = await (await fetch(`${base}/livre/${ean}`)).text();
  const added = await postForm(`${base}/panier/ajouter`, formFields(bookPage, 'Ajouter au panier'), {
    forwardedFor: address,
  });
  expect(added.status).toBe(303);
  const cookie = cookiesOf(added);
  const checkoutPage = await (await fetch(`${base}/commande`, { headers: { cookie } })).text();
  const fields = withValues(formFields(checkoutPage, 'name="email"'), {
    email,
    fullName: `Lecteur ${index}`,
    phone: '0612345678',
    deliveryMethod: 'shop_pickup',
  });
  const ordered = await postForm(`${base}/commande`, fields, { cookie, forwardedFor: address });
  expect(ordered.status).toBe(303);
  const sessionId = /\/pay\/(cs_[A-Za-z0-9_]+)/.exec(ordered.headers.get('location') ?? '')?.[1];
  expect(sessionId).toBeTruthy();
  const paid = await fetch(`${EMULATOR_URL}/_emulator/sessions/${sessionId}/complete`, { method: 'POST' });
  expect(paid.status).toBe(200);
  return sessionId!;
}

async function ordersOf(db: pg.Pool, emails: string[]) {
  const { rows } = await db.query<{ id: number; status: string; sales: number }>(
    `SELECT o."id", o."status"::text AS "status",
            (SELECT count(*)::int FROM "StockMovement" m WHERE m."orderId" = o."id" AND m."reason" = 'SALE') AS "sales"
       FROM "Order" o WHERE o."email" = ANY($1::text[]) ORDER BY o."id"`,
    [emails],
  );
  return rows;
}

test('50 readers pay while the webhooks are held back: the reconciliation pays each order once, and the late webhooks change nothing', async ({
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  await addCopies(db, book!.ean, READERS);
  const before = await stockOf(db, book!.ean);
  expect(await hold(true)).toMatchObject({ held: true });

  const emails = Array.from({ length: READERS }, (_, index) => uniqueEmail(`rapprochement-${index}`));
  const instances = [E2E_BASE_URL, second.url];
  const sessionIds = await Promise.all(
    emails.map((email, index) => readerPays(instances[index % 2]!, book!.ean, index, email)),
  );
  expect(await deliveryStates(sessionIds)).toEqual(sessionIds.map(() => 'held'));
  const paidAt = Date.now();
  // Nothing came by webhook (every delivery held back, above): whatever is paid from here on, the
  // reconciliation paid it; it may already have begun, it runs every minute.

  // Within one reconciliation period (a minute), with a margin for the run itself.
  await expect
    .poll(async () => (await ordersOf(db, emails)).filter((order) => order.status === 'paid').length, {
      timeout: 100_000,
      intervals: [2_000],
      message: 'the 50 orders paid by the reconciliation',
    })
    .toBe(READERS);
  console.log(`reconciliation: ${READERS} orders paid ${Math.round((Date.now() - paidAt) / 1000)} s after payment`);
  const paid = await ordersOf(db, emails);
  expect(paid.map((order) => order.sales)).toEqual(paid.map(() => 1));
  const after = await stockOf(db, book!.ean);
  expect(after.onHand).toBe(before.onHand - READERS);

  // The webhooks come at last: each is a duplicate, nothing moves.
  expect((await hold(false)).released).toBeGreaterThanOrEqual(READERS);
  await expect
    .poll(async () => new Set(await deliveryStates(sessionIds)), {
      timeout: 60_000,
      message: 'every held webhook delivered',
    })
    .toEqual(new Set(['delivered']));
  expect(await ordersOf(db, emails)).toEqual(paid);
  expect(await stockOf(db, book!.ean)).toEqual(after);
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "EmailMessage" e JOIN "Order" o ON o."id" = e."orderId"
      WHERE o."email" = ANY($1::text[]) AND e."kind" = 'order_confirmation'`,
    [emails],
  );
  expect(rows[0]?.count).toBe(READERS);
});

test('after the payments recovered from Stripe, the invariant check finds nothing wrong: each sale in the ledger, each invoice numbered', async ({
  page,
}) => {
  await expectNoInvariantViolation(page);
});
