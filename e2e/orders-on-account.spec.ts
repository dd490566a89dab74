import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, ledgerOf, logIn } from './support/admin';
import { createLibrary, freshSiret, signIn } from './support/organisations';
import { pdfText } from './support/pdf-text';
import { addToCart, expect, test, uniqueEmail } from './support/shop';

// Ordering on account (docs/decisions/027-orders-on-account.md): a university library's buyer
// signs in, sees the library's 9 % in the cart and at checkout, orders three books with a
// purchase-order number and pays nothing online; the order desk shows it « à facturer »; shipped,
// it gets its invoice with the discount, the due date, the shop's IBAN and the late-payment terms.
// Without JavaScript too.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const IBAN = 'FR76 3000 6000 0112 3456 7890 189';

/**
 * The same library created by staff at /admin/clients, as the story goes: 10 % is refused
 * with its article (loi n° 81-766, art. 3), 9 % is recorded, with its buyer.
 */
async function createLibraryAtTheDesk(page: Page, buyer: string): Promise<{ id: number; name: string }> {
  const name = `Bibliothèque universitaire ${randomInt(1_000_000)}`;
  await page.goto('/admin/clients/nouveau');
  const form = page.getByRole('form', { name: 'Nouvelle organisation' });
  await form.getByLabel('Nom', { exact: true }).fill(name);
  await form.getByLabel('Type d’organisation').selectOption({ label: 'Bibliothèque accueillant du public' });
  await form.getByLabel('SIRET').fill(freshSiret());
  await form.getByLabel('Remise négociée (%)').fill('10');
  await form.getByLabel('Délai de paiement (jours à compter de la facture)').fill('30');
  await form.getByLabel('Acheteur public : factures déposées sur Chorus Pro').check();
  await form.getByLabel('Adresse e-mail de facturation').fill('factures@bu.example');
  await form.getByLabel('Adresse', { exact: true }).fill('12 place du Panthéon');
  await form.getByLabel('Code postal', { exact: true }).fill('75005');
  await form.getByLabel('Ville', { exact: true }).fill('Paris');
  await form.getByLabel(/^Acheteurs/).fill(buyer);
  await form.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(form.getByRole('alert')).toContainText('au plus 9 % pour une bibliothèque (loi n° 81-766, art. 3)');
  await form.getByLabel('Remise négociée (%)').fill('9');
  await form.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const id = Number(/\/admin\/clients\/(\d+)/.exec(page.url())![1]);
  return { id, name };
}

/** A text whose spaces may be any (fr-FR puts no-break ones in amounts), as a whole-text pattern. */
function loose(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s\u00a0\u202f]+/g, '\\s+')}$`);
}

/** Cents as staff type them, the French way: 123456 → "1 234,56". */
function euros(cents: number): string {
  return (cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 });
}

async function orderRow(db: pg.Pool, reference: string) {
  const { rows } = await db.query<{
    status: string;
    totalCents: number;
    paidAt: Date | null;
    organisationId: number | null;
    purchaseOrderNumber: string | null;
    stripeSessionId: string | null;
    copies: number;
  }>(
    `SELECT o."status"::text AS "status", o."totalCents", o."paidAt", o."organisationId", o."purchaseOrderNumber", o."stripeSessionId",
            (SELECT sum(l."quantity")::int FROM "OrderLine" l WHERE l."orderId" = o."id") AS "copies"
     FROM "Order" o WHERE o."reference" = $1`,
    [reference],
  );
  return rows[0];
}

test('a library’s buyer orders three books on account; staff ship it; the invoice says the discount, the due date, the IBAN and the penalties', async ({
  browser,
  page,
  db,
}) => {
  // The shop's IBAN, in its settings' form: organisations pay by transfer to it.
  await logIn(page, await createStaff(db, 'admin', 'Libraire des comptes'));
  await page.goto('/admin/reglages');
  await page.getByLabel('IBAN du compte pour les virements des clients sur compte (factures)').fill(IBAN);
  await page.getByLabel('BIC de ce compte').fill('AGRIFRPP');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();

  const buyer = uniqueEmail('acquisitions');
  const library = await createLibraryAtTheDesk(page, buyer);
  const books = await booksOnShelf(db, 3);

  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, db, buyer);
  for (const book of books) await addToCart(reader, book.ean);
  // The cart shows the library's prices, the discount named with its article.
  const cart = reader.getByRole('main');
  await expect(cart.getByRole('heading', { name: `Prix pour ${library.name}` })).toBeVisible();
  await expect(cart).toContainText(/Remise libraire 9\s%\s\(loi n° 81-766, art\. 3\) : −/);
  await expectNoAxeViolation(reader);

  await reader.goto('/commande');
  const offer = reader.getByRole('article', { name: `Commande sur compte pour ${library.name}` });
  await expect(offer).toContainText(/Remise libraire 9\s%/);
  await expect(reader.getByRole('heading', { name: 'À titre personnel' })).toBeVisible();
  await expectNoAxeViolation(reader);
  await offer.getByLabel('Nom et prénom de l’acheteur').fill('Camille Acquéreuse');
  await offer.getByLabel('Numéro de bon de commande (facultatif)').fill('BC-2026-0042');
  await offer.getByRole('radio', { name: /^Livraison à domicile/ }).check();
  await offer.getByRole('button', { name: `Commander sur compte pour ${library.name}` }).click();

  await expect(reader).toHaveURL(/\/compte\/commandes\?commande=LF-/);
  const reference = /commande=(LF-[A-Z0-9]+)/.exec(reader.url())![1]!;
  await expect(reader.getByRole('status')).toContainText(`Commande ${reference} enregistrée sur compte`);
  await expect(reader.getByRole('row', { name: new RegExp(reference) })).toContainText(
    'Confirmée, sur compte, à facturer',
  );
  await expectNoAxeViolation(reader);
  // Nothing paid online, no payment page: the order is the library's, « à préparer ».
  expect(await orderRow(db, reference)).toMatchObject({
    status: 'paid',
    paidAt: null,
    organisationId: library.id,
    purchaseOrderNumber: 'BC-2026-0042',
    stripeSessionId: null,
    copies: 3,
  });

  // The order desk: « à préparer », on account, to invoice.
  await page.goto(`/admin/commandes?q=${reference}`);
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText('à préparer');
  await expect(row).toContainText('sur compte, à facturer');
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, à facturer');
  await expect(page.getByRole('region', { name: 'Client et livraison' })).toContainText(library.name);
  await expectNoAxeViolation(page);
  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');
  await page.getByLabel('Transporteur').selectOption({ label: 'Colissimo' });
  await page.getByLabel('Numéro de suivi').fill('6A 1234 5678 901');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(feedback(page)).toHaveText('Commande expédiée.');

  // Its invoice, issued at dispatch.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, facturée');
  const link = page.getByRole('link', { name: /^Facture F\d{4}-\d{6}$/ });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await response.body());
  expect(text).toContain(library.name);
  expect(text).toContain('Bon de commande n° BC-2026-0042');
  // The designation wraps where its title's length puts it: « remise » and « 9 % » may be two lines apart.
  expect(text).toMatch(/remise\s+9 %/);
  const { rows } = await db.query<{ dueOn: string }>(
    `SELECT to_char(i."dueOn", 'DD/MM/YYYY') AS "dueOn" FROM "Invoice" i
       JOIN "InvoiceOrder" io ON io."invoiceId" = i."id" JOIN "Order" o ON o."id" = io."orderId"
      WHERE o."reference" = $1`,
    [reference],
  );
  expect(text).toContain(`Échéance : ${rows[0]!.dueOn} (30 jours`);
  expect(text).toContain(`IBAN ${IBAN}`);
  // The PDF's lines wrap where its embedded font (DejaVu Sans) makes them.
  expect(text).toMatch(/majoré\s+de 8 points/);
  expect(text).toMatch(/40 €/);
  expect(text).toContain('Total TTC à payer');

  // The sale is declared for the lending right (CPI L133-3): the invoice, its library, the 6 %.
  const invoiceNumber = /F\d{4}-\d{6}/.exec((await link.textContent())!)![0];
  await page.goto(`/admin/clients/droit-de-pret?annee=${invoiceNumber.slice(1, 5)}`);
  const declared = page.getByRole('row', { name: new RegExp(invoiceNumber) });
  await expect(declared).toContainText(library.name);
  await expect(page.getByText(/^Droit de prêt dû pour \d{4} : \d/)).toBeVisible();
  await expectNoAxeViolation(page);
  const spreadsheet = page.getByRole('link', { name: /^Télécharger la déclaration \d{4}/ });
  const csv = await page.request.get((await spreadsheet.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toMatch(new RegExp(`${invoiceNumber};Facture;\\d{2}/\\d{2}/\\d{4};${library.name}`));

  // The buyer sees the same invoice from the order's tracking page.
  await reader.goto('/compte/commandes');
  await reader.getByRole('button', { name: `Suivre ma commande ${reference}` }).click();
  await expect(reader.getByText(/Statut : expédiée, sur compte, facturée/)).toBeVisible();
  await reader.goto(`${new URL(reader.url()).pathname}/facture`);
  const invoice = reader.getByRole('article');
  await expect(invoice).toContainText(/remise 9\s%/);
  await expect(invoice).toContainText(`IBAN ${IBAN}`);
  await expectNoAxeViolation(reader);

  // The library pays by transfer in two parts: staff record the first on the order's page.
  const { totalCents } = (await orderRow(db, reference))!;
  await page.goto(`/admin/commandes/${reference}`);
  const transfers = page.getByRole('region', { name: `Virements reçus — facture ${invoiceNumber}` });
  await expect(transfers).toContainText('Reste dû');
  const first = transfers.getByRole('form', { name: 'Enregistrer un virement reçu' });
  // More than the invoice is refused, in French, and nothing is recorded.
  await first.getByLabel('Montant reçu en euros').fill(euros(totalCents + 1));
  await first.getByLabel('Référence bancaire').fill('VIR SEPA BU PARIS 0001');
  await first.getByRole('button', { name: 'Enregistrer le virement' }).click();
  await expect(first.getByRole('alert')).toContainText('dépasse le reste dû');
  await first.getByLabel('Montant reçu en euros').fill('10,5');
  await first.getByRole('button', { name: 'Enregistrer le virement' }).click();
  await expect(feedback(page)).toHaveText(
    loose(`Virement de 10,50 € enregistré sur la facture ${invoiceNumber} ; reste dû ${euros(totalCents - 1050)} €.`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, facturée');
  await expectNoAxeViolation(page);

  // The rest from the list of invoices on account.
  await page.getByRole('link', { name: 'Factures sur compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Factures sur compte' })).toBeVisible();
  const listed = page.getByRole('row', { name: new RegExp(invoiceNumber) });
  await expect(listed).toContainText(library.name);
  await expect(listed).toContainText(euros(totalCents - 1050));
  await expectNoAxeViolation(page);
  // Not late: the due date is 30 days away, and the « en retard » filter leaves it out.
  await page.getByLabel('État').selectOption({ label: 'En retard' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/etat=en-retard/);
  await expect(page.getByRole('row', { name: new RegExp(invoiceNumber) })).toHaveCount(0);
  await expectNoAxeViolation(page);
  const rest = page.getByRole('form', { name: 'Enregistrer un virement reçu' });
  await rest.getByLabel('Facture').selectOption(invoiceNumber);
  await rest.getByLabel('Montant reçu en euros').fill(euros(totalCents - 1050));
  await rest.getByLabel('Référence bancaire').fill('VIR SEPA BU PARIS 0002');
  await rest.getByRole('button', { name: 'Enregistrer le virement' }).click();
  await expect(feedback(page)).toHaveText(
    loose(`Virement de ${euros(totalCents - 1050)} € enregistré : la facture ${invoiceNumber} est réglée.`),
  );
  const ledger = await db.query<{ amountCents: number; bankReference: string }>(
    `SELECT p."amountCents", p."bankReference" FROM "InvoicePayment" p JOIN "Invoice" i ON i."id" = p."invoiceId"
      WHERE i."number" = $1 ORDER BY p."id"`,
    [invoiceNumber],
  );
  expect(ledger.rows).toEqual([
    { amountCents: 1050, bankReference: 'VIR SEPA BU PARIS 0001' },
    { amountCents: totalCents - 1050, bankReference: 'VIR SEPA BU PARIS 0002' },
  ]);
  expect((await orderRow(db, reference))!.paidAt).not.toBeNull();

  // Paid: staff and the buyer read it.
  await page.goto(`/admin/commandes/${reference}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, payée');
  await reader.goto('/compte/commandes');
  await reader.getByRole('button', { name: `Suivre ma commande ${reference}` }).click();
  await expect(reader.getByText(/Statut : expédiée, sur compte, payée/)).toBeVisible();
  await context.close();
});

test('without JavaScript, a buyer orders on account from the checkout page', async ({ browser, db }) => {
  const buyer = uniqueEmail('acquisitions-sans-js');
  const library = await createLibrary(db, buyer);
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await context.newPage();
  await signIn(reader, db, buyer, 'code');
  await addToCart(reader, book!.ean);
  await reader.goto('/commande');
  const offer = reader.getByRole('article', { name: `Commande sur compte pour ${library.name}` });
  await offer.getByLabel('Nom et prénom de l’acheteur').fill('Dominique Sans Script');
  await offer.getByRole('radio', { name: /^Retrait en librairie/ }).check();
  await offer.getByRole('button', { name: `Commander sur compte pour ${library.name}` }).click();
  await expect(reader).toHaveURL(/\/compte\/commandes\?commande=LF-/);
  const reference = /commande=(LF-[A-Z0-9]+)/.exec(reader.url())![1]!;
  expect(await orderRow(db, reference)).toMatchObject({ status: 'paid', paidAt: null, organisationId: library.id });
  await context.close();

  // The library withdraws it before it is ready: staff cancel it at the desk, without Stripe,
  // and with no invoice yet there is no credit note either; the copy goes back on the shelf.
  const desk = await browser.newPage();
  await logIn(desk, await createStaff(db, 'libraire'));
  await desk.goto(`/admin/commandes/${reference}`);
  await desk.getByText('Annuler la commande…').click();
  const cancel = desk.getByRole('form', { name: 'Annulation' });
  await expect(cancel).toContainText('rien n’a été payé en ligne');
  await cancel.getByLabel('Je confirme l’annulation').check();
  await cancel.getByRole('button', { name: 'Annuler la commande sur compte' }).click();
  await expect(feedback(desk)).toHaveText(
    'Commande sur compte annulée : elle n’était pas encore facturée, rien n’est dû ; ses exemplaires reviennent au stock.',
  );
  expect(await orderRow(db, reference)).toMatchObject({ status: 'cancelled', paidAt: null });
  expect(await ledgerOf(db, reference)).toEqual([
    { ean: book!.ean, quantity: -1, reason: 'SALE' },
    { ean: book!.ean, quantity: 1, reason: 'SALE_CANCELLED' },
  ]);
  const { rows } = await db.query(
    `SELECT 1 FROM "InvoiceOrder" io JOIN "Order" o ON o."id" = io."orderId" WHERE o."reference" = $1`,
    [reference],
  );
  expect(rows).toEqual([]);
  await desk.close();
});

test('a library on monthly statements: shipped without an invoice, then its statement issued by staff', async ({
  page,
  browser,
  db,
}) => {
  const buyer = uniqueEmail('acquisitions-releve');
  const library = await createLibrary(db, buyer);
  await db.query(`UPDATE "CustomerOrganisation" SET "monthlyStatement" = true WHERE "id" = $1`, [library.id]);
  const [book] = await booksOnShelf(db, 1);
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, db, buyer, 'code');
  await addToCart(reader, book!.ean);
  await reader.goto('/commande');
  const offer = reader.getByRole('article', { name: `Commande sur compte pour ${library.name}` });
  await offer.getByLabel('Nom et prénom de l’acheteur').fill('Claude Relevé');
  await offer.getByLabel('Numéro de bon de commande (facultatif)').fill('BC-RELEVE-1');
  await offer.getByRole('radio', { name: /^Livraison à domicile/ }).check();
  await offer.getByRole('button', { name: `Commander sur compte pour ${library.name}` }).click();
  await expect(reader).toHaveURL(/\/compte\/commandes\?commande=LF-/);
  const reference = /commande=(LF-[A-Z0-9]+)/.exec(reader.url())![1]!;
  await context.close();

  await logIn(page, await createStaff(db, 'libraire'));
  await page.goto(`/admin/commandes/${reference}`);
  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');
  await page.getByLabel('Transporteur').selectOption({ label: 'Colissimo' });
  await page.getByLabel('Numéro de suivi').fill('6A 1234 5678 902');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(feedback(page)).toHaveText('Commande expédiée.');
  // Shipped, and still to invoice: the month's statement will carry it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, à facturer');

  await page.goto(`/admin/clients/${library.id}`);
  const statement = page.getByRole('region', { name: 'Relevé mensuel' });
  await expect(statement).toContainText('1 commande expédiée en attente du relevé');
  await expectNoAxeViolation(page);
  await statement.getByRole('button', { name: 'Émettre le relevé maintenant' }).click();
  await expect(feedback(page)).toHaveText(/^Relevé émis : facture F\d{4}-\d{6}\.$/);
  const number = /F\d{4}-\d{6}/.exec((await feedback(page).textContent())!)![0];
  await page.goto(`/admin/commandes/${reference}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('sur compte, facturée');
  const link = page.getByRole('link', { name: `Facture ${number}`, exact: true });
  const text = pdfText(await (await page.request.get((await link.getAttribute('href'))!)).body());
  expect(text).toContain(`Commande ${reference} (bon n° BC-RELEVE-1)`);
});
