import { createStaff, logIn } from './support/admin';
import { discoverActions, fillRoute, postAction } from './support/admin-surface';
import { expect, test } from './support/shop';

// Every back-office Server Action, posted by hand as an attacker would, logged in as an admin
// (so the gate lets the request reach the parsing): missing, oversized, negative, non-numeric,
// file-shaped or wrongly-typed input gets an expected failure with a French message, never a
// server error and never a change.

// The back office's actions, the login form's included; not the reader's (their own specs).
const actions = discoverActions().filter(
  (action) => action.file.startsWith('components/admin/') && action.name !== 'logoutAction',
);

/** Actions that read no field: whatever is posted, they do their one thing (and change no business data). */
const TAKES_NO_INPUT = ['checkInvariantsAction'];

const LONG = 'é'.repeat(5000);
const PAYLOADS: Record<string, Record<string, string | { name: string; mimeType: string; buffer: Buffer }>> = {
  nothing: {},
  'every field far too long': Object.fromEntries(
    [
      'reference',
      'version',
      'transition',
      'carrier',
      'trackingNumber',
      'text',
      'lineId',
      'refundId',
      'mode',
      'reason',
      'note',
      'extra',
      'qty-1',
      'staffId',
      'role',
      'disabled',
      'email',
      'name',
      'password',
      'currentPassword',
      'newPassword',
      'confirmation',
      'confirm',
    ].map((name) => [name, LONG]),
  ),
  'negative, huge and non-numeric numbers': {
    reference: 'LF-AAAAAAAA',
    version: '-1',
    lineId: '99999999999999',
    refundId: 'abc',
    staffId: '1e9',
    'qty-1': '-5',
    'qty-999999999999': '2',
    extra: '1e9',
    transition: 'teleport',
    mode: 'everything',
    reason: 'because',
    role: 'root',
    disabled: 'maybe',
  },
  'a file where text is expected': {
    reference: { name: 'ref.txt', mimeType: 'text/plain', buffer: Buffer.from('LF-AAAAAAAA') },
    text: { name: 'note.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1024, 1) },
    email: { name: 'e.txt', mimeType: 'text/plain', buffer: Buffer.from('x@y.fr') },
  },
};

test('no admin action answers 5xx or changes anything when posted nonsense', async ({ page, db }) => {
  test.setTimeout(120_000);
  await logIn(page, await createStaff(db, 'admin'));
  const { rows } = await db.query<{ reference: string }>(`SELECT "reference" FROM "Order" ORDER BY "id" LIMIT 1`);
  const reference = rows[0]?.reference ?? 'LF-AAAAAAAA';
  const count = async () =>
    (
      await db.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM "AuditEntry" WHERE "action" NOT LIKE 'auth.%')::text AS n`,
      )
    ).rows[0]!.n;
  const before = await count();

  // The stock desk's documents, for the actions whose page shows one (made by earlier specs, or 1).
  const { rows: documents } = await db.query<Record<string, number | null>>(
    `SELECT (SELECT max("id") FROM "PurchaseOrder") AS "/admin/commandes-fournisseurs/",
            (SELECT max("id") FROM "Delivery") AS "/admin/receptions/",
            (SELECT max("id") FROM "SupplierReturn") AS "/admin/retours/",
            (SELECT max("id") FROM "Inventory") AS "/admin/inventaire/"`,
  );
  const { rows: books } = await db.query<{ ean: string }>(`SELECT "ean" FROM "Book" ORDER BY "id" LIMIT 1`);
  const idFor = (route: string) =>
    String(Object.entries(documents[0]!).find(([prefix]) => route.startsWith(prefix))?.[1] ?? 1);

  for (const action of actions) {
    const url = fillRoute(action.pageRoute, { reference, ean: books[0]!.ean, id: idFor(action.pageRoute) });
    for (const [label, fields] of Object.entries(PAYLOADS)) {
      const response = await postAction(page.request, action, url, fields);
      expect(response.status(), `${action.key}, ${label}`).toBeLessThan(500);
      const body = await response.text();
      if (!TAKES_NO_INPUT.includes(action.name)) expect(body, `${action.key}, ${label}`).toContain('"ok":false');
    }
    // Not a form at all: the argument is a string.
    const notAForm = await postAction(page.request, action, url, {}, '[null,"pas un formulaire"]');
    expect(notAForm.status(), `${action.key}, not a form`).toBeLessThan(500);
    expect(await notAForm.text()).toContain('Formulaire invalide.');
  }
  expect(await count()).toBe(before);
});
