import type { Browser } from '@playwright/test';
import { booksOnShelf, expectNoAxeViolation } from './support/admin';
import { askSignIn, lastEmailId, SIGN_IN_ANSWER, signInByLink, signInEmail } from './support/reader-account';
import { discoverActions, postAction } from './support/admin-surface';
import {
  addToCart,
  euros,
  expect,
  expectPaidConfirmation,
  payWithCard,
  placeOrder,
  readerBuys,
  test,
  uniqueEmail,
} from './support/shop';

// A reader's account without a password: a guest's order found again after signing in by the
// link read in the outbox, its tracking page, checkout with a saved address in one click, the
// account without JavaScript, another reader who never sees the first one's data (guessing ids
// included), the data downloaded and the account deleted.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function newReader(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  return { context, page: await context.newPage() };
}

let email = '';
let firstOrder = '';
let addressId = 0;

test('a guest buys; signed in by the e-mailed link, they find that order, track it, and check out with its address in one click', async ({
  browser,
  db,
}) => {
  const [first, second] = await booksOnShelf(db, 2);
  email = uniqueEmail('compte');
  const { context, page } = await newReader(browser);
  firstOrder = await readerBuys(page, [first!.ean], email);

  // "Mon compte" in the header, for everyone: to the sign-in form.
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Mon compte' }).click();
  await expect(page).toHaveURL(/\/compte\/connexion$/);
  await expectNoAxeViolation(page);

  const since = await lastEmailId(db);
  await page.getByLabel('Adresse e-mail').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lien et un code' })).toHaveText(SIGN_IN_ANSWER);
  await expectNoAxeViolation(page);
  const { link } = await signInEmail(db, email, since);

  // Opening the link (as a mail scanner would) uses nothing: only the button does.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à mon compte');
  await expectNoAxeViolation(page);
  await page.reload();
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expectNoAxeViolation(page);

  // The guest order, in the history: number, date, total, status.
  const { rows } = await db.query<{ totalCents: number; day: string }>(
    `SELECT "totalCents", to_char("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY') AS "day"
       FROM "Order" WHERE "reference" = $1`,
    [firstOrder],
  );
  const row = page.getByRole('row').filter({ hasText: firstOrder });
  await expect(row).toContainText(rows[0]!.day);
  await expect(row).toContainText(euros((rows[0]!.totalCents / 100).toFixed(2).replace('.', ',')));
  await expect(row).toContainText('Payée');

  // The same link cannot be used again.
  const { context: otherContext, page: other } = await newReader(browser);
  await other.goto(link);
  await other.getByRole('button', { name: 'Me connecter' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'plus valable' })).toBeVisible();
  await otherContext.close();

  await row.getByRole('button', { name: `Suivre ma commande ${firstOrder}` }).click();
  await expect(page).toHaveURL(/\/suivi\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Commande ${firstOrder}`);
  await expect(page.getByRole('link', { name: 'Facture (page imprimable)' })).toBeVisible();

  // The order's address was imported into the account.
  await page.goto('/compte/adresses');
  await expect(page.getByRole('main')).toContainText('12 rue Soufflot');
  await expectNoAxeViolation(page);
  const saved = await db.query<{ id: number }>(
    `SELECT a."id" FROM "ReaderAddress" a JOIN "Reader" r ON r."id" = a."readerId" WHERE r."email" = $1`,
    [email],
  );
  expect(saved.rows).toHaveLength(1);
  addressId = saved.rows[0]!.id;
  await page.getByRole('link', { name: /^Modifier/ }).click();
  await expect(page).toHaveURL(new RegExp(`/compte/adresses/${addressId}$`));
  await expectNoAxeViolation(page);
  await page.getByLabel('Complément d’adresse (facultatif)').fill('Escalier B');
  await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click();
  await expect(page.getByRole('status')).toHaveText('Adresse enregistrée.');
  await expect(page.getByRole('main')).toContainText('Escalier B');

  // Checkout: the saved address in one click.
  await addToCart(page, second!.ean);
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await page.getByRole('link', { name: /^Utiliser cette adresse/ }).click();
  await expect(page).toHaveURL(new RegExp(`/commande\\?adresse=${addressId}$`));
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await expect(page.getByLabel('Adresse', { exact: true })).toHaveValue('12 rue Soufflot');
  await expect(page.getByLabel('Complément d’adresse (facultatif)')).toHaveValue('Escalier B');
  await expect(page.getByLabel('Code postal')).toHaveValue('75005');
  await expectNoAxeViolation(page);
  const sessionId = await placeOrder(page);
  await payWithCard(page, '4242 4242 4242 4242');
  const secondOrder = await expectPaidConfirmation(page, sessionId);
  const placed = await db.query<{ email: string; addressLine2: string }>(
    `SELECT "email", "addressLine2" FROM "Order" WHERE "reference" = $1`,
    [secondOrder],
  );
  expect(placed.rows[0]).toEqual({ email, addressLine2: 'Escalier B' });

  // Newest first.
  await page.goto('/compte/commandes');
  await expect(page.getByRole('row').nth(1)).toContainText(secondOrder);
  await expect(page.getByRole('row').nth(2)).toContainText(firstOrder);
  await expectNoAxeViolation(page);
  await context.close();
});

test('without JavaScript: sign in with the code, read the history, sign out', async ({ browser, db }) => {
  const { context, page } = await newReader(browser, false);
  const { code } = await askSignIn(page, db, email);
  // The answer carries the code form, the address filled in.
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await page.getByLabel('Code à 6 chiffres reçu par courriel').fill('000000' === code ? '111111' : '000000');
  await page.getByRole('button', { name: 'Me connecter avec ce code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ne correspond pas' })).toBeVisible();
  await page.getByLabel('Code à 6 chiffres reçu par courriel').fill(code);
  await page.getByRole('button', { name: 'Me connecter avec ce code' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByRole('row').filter({ hasText: firstOrder })).toContainText('Payée');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté.');
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/compte\/connexion$/);
  await context.close();
});

test('a second reader never sees the first one’s orders nor addresses, even by guessing ids', async ({
  browser,
  db,
}) => {
  const { context, page } = await newReader(browser);
  // The code page on its own, for a reader who asked from another device.
  await page.goto('/compte/connexion/code');
  await expectNoAxeViolation(page);
  const stranger = uniqueEmail('voisin');
  await signInByLink(page, db, stranger);
  await expect(page.getByRole('main')).not.toContainText(firstOrder);
  await expect(page.getByRole('main')).toContainText('Aucune commande');

  // The first reader's address: its complement "Escalier B" (the shop itself is at 12 rue Soufflot).
  await page.goto('/compte/adresses');
  await expect(page.getByRole('main')).toContainText('Aucune adresse enregistrée.');
  await expect(page.getByRole('main')).not.toContainText('Escalier B');
  const edit = await page.goto(`/compte/adresses/${addressId}`);
  expect(edit?.status()).toBe(404);
  await expect(page.getByRole('main')).not.toContainText('Escalier B');

  // ?adresse= with the first reader's id: ignored, the form stays theirs and empty.
  const [book] = await booksOnShelf(db, 1);
  await addToCart(page, book!.ean);
  await page.goto(`/commande?adresse=${addressId}`);
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(stranger);
  await expect(page.getByLabel('Adresse', { exact: true })).toHaveValue('');
  await expect(page.getByRole('main')).not.toContainText('Escalier B');

  // The actions themselves, posted with the first reader's ids.
  const actions = discoverActions();
  const action = (name: string) => actions.find((a) => a.name === name)!;
  const addressBefore = await db.query(`SELECT * FROM "ReaderAddress" WHERE "id" = $1`, [addressId]);
  const tokensBefore = await db.query<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "TrackingToken" t JOIN "Order" o ON o."id" = t."orderId" WHERE o."reference" = $1`,
    [firstOrder],
  );
  const responses = [
    await postAction(
      page.request,
      action('deleteAddressAction'),
      '/compte/adresses',
      { id: String(addressId) },
      '["$K1"]',
    ),
    await postAction(page.request, action('updateAddressAction'), `/compte/adresses/${addressId}`, {
      id: String(addressId),
      fullName: 'Intrus',
      addressLine1: '1 rue de l’Intrus',
      postalCode: '75001',
      city: 'Paris',
    }),
    await postAction(page.request, action('trackOrderAction'), '/compte', { reference: firstOrder }, '["$K1"]'),
  ];
  for (const response of responses) expect(response.status()).toBeLessThan(500);
  expect(responses[2]!.headers()['x-action-redirect'] ?? '').not.toContain('/suivi/');
  expect((await db.query(`SELECT * FROM "ReaderAddress" WHERE "id" = $1`, [addressId])).rows).toEqual(
    addressBefore.rows,
  );
  const tokensAfter = await db.query<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "TrackingToken" t JOIN "Order" o ON o."id" = t."orderId" WHERE o."reference" = $1`,
    [firstOrder],
  );
  expect(tokensAfter.rows[0]!.count).toBe(tokensBefore.rows[0]!.count);
  await context.close();
});

test('the reader downloads their data, then deletes the account: orders stay, without e-mail nor phone', async ({
  browser,
  db,
}) => {
  const { context, page } = await newReader(browser);
  await signInByLink(page, db, email);
  // The control of the previous test: the same POST, by the order's owner, does open its tracking.
  const track = discoverActions().find((a) => a.name === 'trackOrderAction')!;
  const own = await postAction(page.request, track, '/compte', { reference: firstOrder }, '["$K1"]');
  expect(own.headers()['x-action-redirect'] ?? '').toContain('/suivi/');
  await page.goto('/compte');
  await page.getByRole('link', { name: 'Mes données' }).click();
  await expectNoAxeViolation(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données' }).click();
  const download = await downloading;
  const data = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  expect(data.account.email).toBe(email);
  expect(data.orders.map((o: { reference: string }) => o.reference)).toContain(firstOrder);
  expect(data.addresses[0].addressLine1).toBe('12 rue Soufflot');

  await page.getByRole('link', { name: 'Supprimer mon compte' }).click();
  await expectNoAxeViolation(page);
  await page.getByLabel('Je confirme la suppression de mon compte').check();
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page.getByRole('status')).toContainText('Votre compte est supprimé');
  const { rows } = await db.query<{ readers: number; email: string }>(
    `SELECT (SELECT count(*)::int FROM "Reader" WHERE "email" = $1) AS "readers",
            (SELECT "email" FROM "Order" WHERE "reference" = $2) AS "email"`,
    [email, firstOrder],
  );
  expect(rows[0]).toEqual({ readers: 0, email: 'anonyme@invalid' });
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/compte\/connexion$/);
  await context.close();
});
