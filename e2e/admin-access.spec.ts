import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type pg from 'pg';
import { booksOnShelf, createStaff, demoAdmin, logIn } from './support/admin';
import {
  discoverActions,
  discoverPages,
  discoverRoutes,
  fillRoute,
  postAction,
  PUBLIC_ACTIONS,
  PUBLIC_PAGES,
  type AdminAction,
} from './support/admin-surface';
import { DEFAULT_SHOP_SETTINGS } from '../lib/shop/settings';
import { E2E_BASE_URL } from './support/ports';
import {
  addToCart,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  test,
  uniqueEmail,
} from './support/shop';

// Authorization in depth, checked on what the code actually contains: every admin page,
// Server Action and route handler refuses an anonymous visitor (pages: to the login form;
// actions and routes: 401) and a `libraire` where `admin` is needed (403), and a refused
// request changes nothing in the database.

const pages = discoverPages();
const actions = discoverActions();
const routes = discoverRoutes();

test('the discovery finds the back office, and every entry point calls requireStaff itself', () => {
  expect(pages.length).toBeGreaterThanOrEqual(7);
  expect(actions.length).toBeGreaterThanOrEqual(16);
  for (const page of pages) {
    if (PUBLIC_PAGES.includes(page.file)) expect(page.role, page.file).toBeNull();
    else expect(page.role, `${page.file} must call requireStaff`).not.toBeNull();
  }
  for (const action of actions) {
    if (PUBLIC_ACTIONS.includes(action.name)) expect(action.role, action.key).toBeNull();
    else if (action.reader) expect(action.role, action.key).toBeNull();
    else expect(action.role, `${action.key} must call requireStaff`).not.toBeNull();
  }
  expect(
    actions
      .filter((a) => PUBLIC_ACTIONS.includes(a.name))
      .map((a) => a.name)
      .sort(),
  ).toEqual([...PUBLIC_ACTIONS].sort());
  for (const route of routes) expect(route.role, `${route.file} must call requireStaff`).not.toBeNull();
});

/** A digest of every table: equal before and after means nothing was written. */
async function databaseDigest(db: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const digest: Record<string, string> = {};
  for (const { tablename } of tables) {
    const { rows } = await db.query<{ md5: string }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${tablename}" t`,
    );
    digest[tablename] = rows[0]?.md5 ?? '';
  }
  return digest;
}

/** Fields that would make each action do something real if it were let through. */
function tempting(reference: string, staffId: number): Record<string, string> {
  return {
    reference,
    version: '0',
    transition: 'prepare',
    mode: 'everything',
    reason: 'other',
    confirm: 'oui',
    text: 'Commentaire posté sans droit',
    lineId: '1',
    refundId: '1',
    staffId: String(staffId),
    role: 'admin',
    disabled: 'true',
    email: `intrus.${Date.now()}@librairie.test`,
    name: 'Intrus',
    password: 'un mot de passe assez long',
    currentPassword: 'x',
    newPassword: 'un mot de passe assez long',
    confirmation: 'un mot de passe assez long',
  };
}

test.describe('refused requests', () => {
  let reference: string;
  let librarianContext: APIRequestContext;
  let anonymous: APIRequestContext;
  let adminId: number;
  let ean: string;
  /** A document of each kind the stock desk's pages show, by the route that shows it. */
  const documentIds: Record<string, string> = {};

  test.beforeAll(async ({ browser, db }) => {
    // A purchase first: three times the default timeout on a loaded machine.
    test.setTimeout(90_000);
    // One paid order, so the order page has something to show and the actions something to change.
    const [book] = await booksOnShelf(db, 1);
    const page = await browser.newPage();
    await addToCart(page, book!.ean);
    await page.getByRole('link', { name: 'Passer commande' }).click();
    await fillCheckout(page, { email: uniqueEmail('acces') });
    const sessionId = await placeOrder(page);
    await payWithCard(page, '4242 4242 4242 4242');
    reference = await expectPaidConfirmation(page, sessionId);
    await page.close();
    // The worker sends the order's e-mails in the background: let it finish, so that the
    // digests below see only what the refused requests did.
    await expect
      .poll(
        async () =>
          (
            await db.query<{ count: number }>(
              `SELECT count(*)::int AS "count" FROM "EmailMessage" WHERE "status" = 'pending'`,
            )
          ).rows[0]!.count,
        { timeout: 30_000 },
      )
      .toBe(0);

    const librarian = await createStaff(db, 'libraire');
    const context = await browser.newContext({ baseURL: E2E_BASE_URL });
    await logIn(await context.newPage(), librarian);
    librarianContext = context.request;
    anonymous = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
    const { rows } = await db.query<{ id: number }>(`SELECT "id" FROM "Staff" WHERE "email" = $1`, [demoAdmin().email]);
    adminId = rows[0]!.id;
    ean = book!.ean;
    // One closed, empty document of each kind, so their pages have something to show a libraire.
    // The book's distributor, or any one when the book picked at random has none.
    const supplier = await db.query<{ supplierId: number }>(
      `SELECT coalesce((SELECT "supplierId" FROM "Book" WHERE "ean" = $1), (SELECT min("id") FROM "Supplier")) AS "supplierId"`,
      [ean],
    );
    const supplierId = supplier.rows[0]!.supplierId;
    const insert = async (sql: string, params: unknown[]) =>
      String((await db.query<{ id: number }>(`${sql} RETURNING "id"`, params)).rows[0]!.id);
    documentIds['/admin/commandes-fournisseurs/[id]'] = await insert(
      `INSERT INTO "PurchaseOrder" ("supplierId", "status", "createdById", "updatedAt") VALUES ($1, 'cancelled', $2, now())`,
      [supplierId, adminId],
    );
    documentIds['/admin/receptions/[id]'] = await insert(
      `INSERT INTO "Delivery" ("supplierId", "noteNumber", "receivedById") VALUES ($1, $2, $3)`,
      [supplierId, `ACCES-${Date.now()}`, adminId],
    );
    documentIds['/admin/retours/[id]'] = await insert(
      `INSERT INTO "SupplierReturn" ("supplierId", "expectedCreditCents", "createdById") VALUES ($1, 0, $2)`,
      [supplierId, adminId],
    );
    // A customer organisation for /admin/clients/[id]: any 14 digits pass the table's check.
    documentIds['/admin/clients/[id]'] = await insert(
      `INSERT INTO "CustomerOrganisation" ("name", "siret", "kind", "publicBuyer", "paymentTermDays",
         "billingEmail", "billingLine1", "billingPostalCode", "billingCity", "updatedAt")
       VALUES ('Contrôle des accès', lpad((floor(random() * 1e13))::bigint::text, 14, '9'), 'company', false, 30,
         'acces@client.example', '1 rue des Accès', '75001', 'Paris', now())`,
      [],
    );
    // An expired, empty quote of that organisation for /admin/devis/[id], out of any year's sequence.
    documentIds['/admin/devis/[id]'] = await insert(
      `INSERT INTO "Quote" ("number", "year", "sequence", "organisationId", "requestedByEmail", "issuedAt",
         "validUntil", "deliveryMethod", "shippingTable", "pricing", "seller", "buyer", "lines", "vat",
         "goodsCents", "shippingCents", "totalCents", "paymentTermDays")
       SELECT 'D1999-' || s, 1999, s, $1, 'acces@client.example', now(), CURRENT_DATE - 1, 'shop_pickup',
         $2, '{}',
         '{"legalName":"Librairie","legalForm":"SARL","shareCapitalCents":null,"address":"Paris","siret":"","registration":"","vatNumber":"","email":"","phone":""}',
         '{"name":"Contrôle des accès","addressLines":[]}', '[]', '[]', 0, 0, 0, 30
       FROM (SELECT floor(random() * 1e6)::int AS s) AS r`,
      [Number(documentIds['/admin/clients/[id]']), JSON.stringify(DEFAULT_SHOP_SETTINGS.shippingTable)],
    );
    documentIds['/admin/inventaire/[id]'] = await insert(
      `INSERT INTO "Inventory" ("label", "scope", "status", "startedById", "closedById", "closedAt")
       VALUES ('Contrôle des accès', 'counted_books', 'cancelled', $1, $1, now())`,
      [adminId],
    );
  });

  test.afterAll(async () => {
    await anonymous.dispose();
  });

  const url = (route: string) => {
    const document = Object.keys(documentIds).find((prefix) => route.startsWith(prefix));
    return fillRoute(route, { reference, ean, id: document ? documentIds[document]! : '1' });
  };

  test('anonymous: pages send to the login form, actions and routes answer 401, nothing is written', async ({ db }) => {
    const before = await databaseDigest(db);
    for (const page of pages.filter((p) => p.role)) {
      const response = await anonymous.get(url(page.route), { maxRedirects: 0 });
      expect(response.status(), page.route).toBe(307);
      expect(response.headers().location, page.route).toMatch(/^\/admin\/connexion\?suite=/);
    }
    for (const action of actions.filter((a) => a.role)) {
      const response = await postAction(anonymous, action, url(action.pageRoute), tempting(reference, adminId));
      expect(response.status(), action.key).toBe(401);
    }
    for (const route of routes)
      for (const method of route.methods) {
        const response = await anonymous.fetch(url(route.route), { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${route.route}`).toBe(401);
      }
    expect(await databaseDigest(db)).toEqual(before);
  });

  test('a libraire: admin pages, actions and routes answer 403, nothing is written; the rest is open', async ({
    db,
  }) => {
    const adminOnly = (role: string | null) => role === 'admin';
    const before = await databaseDigest(db);
    for (const page of pages.filter((p) => adminOnly(p.role))) {
      const response = await librarianContext.get(url(page.route), { maxRedirects: 0 });
      expect(response.status(), page.route).toBe(403);
      expect(await response.text()).toContain('Accès réservé');
    }
    const adminActions: AdminAction[] = actions.filter((a) => adminOnly(a.role));
    // The role is read from the code: the staff screens' actions must be among the admin-only ones.
    expect(adminActions.map((a) => a.name)).toEqual(
      expect.arrayContaining(['changeRoleAction', 'createStaffAction', 'setStaffDisabledAction']),
    );
    for (const action of adminActions) {
      const response = await postAction(librarianContext, action, url(action.pageRoute), tempting(reference, adminId));
      expect(response.status(), action.key).toBe(403);
    }
    for (const route of routes.filter((r) => adminOnly(r.role)))
      for (const method of route.methods) {
        const response = await librarianContext.fetch(url(route.route), { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${route.route}`).toBe(403);
      }
    expect(await databaseDigest(db)).toEqual(before);

    for (const page of pages.filter((p) => p.role === 'libraire')) {
      expect((await librarianContext.get(url(page.route), { maxRedirects: 0 })).status(), page.route).toBeLessThan(400);
    }
  });

  test('a forged cross-site post and an oversized one are refused before any action runs', async ({ db }) => {
    const before = await databaseDigest(db);
    const comment = actions.find((a) => a.name === 'addCommentAction')!;
    const forged = await librarianContext.post(url(comment.pageRoute), {
      headers: { 'Next-Action': comment.id, Origin: 'https://ailleurs.example' },
      multipart: { '0': '[null,"$K1"]', '1_reference': reference, '1_text': 'Depuis un autre site' },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toEqual({
      error: { code: 'CROSS_SITE_REQUEST', message: 'Requête refusée : elle ne vient pas des pages de la librairie.' },
    });
    const huge = await postAction(librarianContext, comment, url(comment.pageRoute), {
      reference,
      text: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status()).toBe(413);
    expect(await databaseDigest(db)).toEqual(before);
  });
});
