import type { Page } from '@playwright/test';
import type pg from 'pg';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { emailsOf, sentEmail } from './support/outbox';
import { expect, readerBuys, SEED_BOOK, test, uniqueEmail } from './support/shop';

// The withdrawal function every online shop offers since 19 June 2026 (Code de la consommation,
// art. L221-21 and D221-5), as a customer and a bookseller use it: "Renoncer au contrat ici" one
// click from the home page, the order identified without revealing it, the link e-mailed to the
// order's address, the declaration, the distinct "Confirmer la rétractation", the acknowledgement
// with its date and time, and the refund at the order desk. A counter order has no such right.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** The e-mails of a kind for an order, sent or not. */
const emailsOfKind = async (db: pg.Pool, reference: string, kind: string) =>
  (await emailsOf(db, reference)).filter((e) => e.kind === kind);

const withdrawalLinkIn = (text: string | null) => /(\/suivi\/[A-Za-z0-9_-]{43}\/retractation)/.exec(text ?? '')?.[1];

/** The identification step of /retractation: its answer, the same for any pair. */
async function askForLink(page: Page, reference: string, email: string): Promise<string> {
  await page.goto('/retractation');
  const form = page.getByRole('form', { name: 'Renoncer à une commande' });
  await form.getByLabel('Numéro de commande').fill(reference);
  await form.getByLabel('Adresse e-mail de la commande').fill(email);
  await form.getByRole('button', { name: 'Recevoir le lien de rétractation' }).click();
  const answer = form.getByRole('status').or(form.getByRole('alert')).first();
  await expect(answer).toBeVisible();
  return (await answer.textContent()) ?? '';
}

const withdrawalsOf = async (db: pg.Pool, reference: string) =>
  (
    await db.query(
      `SELECT w."id" FROM "Withdrawal" w JOIN "Order" o ON o."id" = w."orderId" WHERE o."reference" = $1`,
      [reference],
    )
  ).rowCount;

let reference = '';
let email = '';

test('from the home page, "Renoncer au contrat ici" is one click away, on a page axe finds no fault with', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Renoncer au contrat ici' }).click();
  await expect(page).toHaveURL(/\/retractation$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renoncer au contrat');
  await expectNoAxeViolation(page);
});

test('a paid order is withdrawn from the site’s own link: a wrong pair gets the same answer and records nothing', async ({
  browser,
  page,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  email = uniqueEmail('retractation');
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  reference = await readerBuys(reader, [book!.ean], email);
  // The confirmation page leads to the withdrawal function too.
  await expect(reader.getByRole('link', { name: 'Renoncer au contrat ici' }).first()).toHaveAttribute(
    'href',
    '/retractation',
  );
  // The confirmation e-mail carries the terms accepted, whole (art. L221-13; C. civ. art. 1127-1).
  const confirmation = await sentEmail(db, reference, 'order_confirmation');
  expect(confirmation.text).toMatch(/Conditions générales de vente \(version du \d{1,2} \S+ \d{4}\)/);
  expect(confirmation.text).toContain('Garanties légales');
  expect(confirmation.text).toContain('délai de deux ans à compter de la délivrance du bien');
  expect(confirmation.text).toContain('Réclamations et médiation');

  // Identification: the same answer for a wrong e-mail, a wrong number and the right pair.
  const answers = [
    await askForLink(reader, reference, 'quelqu.un.d.autre@exemple.fr'),
    await askForLink(reader, 'LF-ZZZZZZZZ', email),
    await askForLink(reader, reference, email),
  ];
  expect(new Set(answers).size).toBe(1);
  expect(answers[0]).toContain('Rien n’est enregistré avant que vous la confirmiez.');
  const linkEmail = await sentEmail(db, reference, 'tracking_link', /renoncer/);
  expect(linkEmail.toAddress).toBe(email);
  // The wrong pairs owed nothing, and nothing is recorded before the confirmation.
  expect(await emailsOfKind(db, reference, 'tracking_link')).toHaveLength(1);
  expect(await withdrawalsOf(db, reference)).toBe(0);

  // The link opens the declaration; "Vérifier" shows it back; "Confirmer la rétractation" records it.
  await reader.goto(withdrawalLinkIn(linkEmail.text)!);
  const form = reader.getByRole('form', { name: 'Déclarer une rétractation' });
  await form.getByLabel('Vos nom et prénom').fill('Camille Martin');
  await form.getByRole('radio', { name: 'Toute la commande' }).check();
  await form.getByRole('button', { name: 'Vérifier ma déclaration' }).click();
  const review = reader.getByRole('form', { name: 'Confirmer la rétractation' });
  await expect(review).toContainText(book!.title);
  expect(await withdrawalsOf(db, reference)).toBe(0);
  await review.getByRole('button', { name: 'Confirmer la rétractation' }).click();
  await expect(reader.getByRole('status')).toContainText('Votre rétractation est enregistrée le ');
  expect(await withdrawalsOf(db, reference)).toBe(1);

  const acknowledgement = await sentEmail(db, reference, 'withdrawal_received', /Accusé de réception/);
  expect(acknowledgement.toAddress).toBe(email);
  expect(acknowledgement.text).toMatch(
    /envoyée le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(heure de Paris\), au nom de Camille Martin/,
  );
  expect(acknowledgement.text).toContain(book!.title);
  await readerContext.close();

  // The bookseller sees it on the order, with the refund's deadline, and refunds it.
  await logIn(page, await createStaff(db, 'libraire', 'Libraire Rétractation'));
  await page.goto(`/admin/commandes/${reference}`);
  await expect(page.getByRole('main')).toContainText('Rétractation déclarée par le client le');
  await expect(page.getByRole('main')).toContainText('rembourser au plus tard le');
  const refundAll = page.getByRole('form', { name: 'Remboursement de tout ce qui reste' });
  await refundAll.getByRole('button', { name: /^Tout rembourser/ }).click();
  await expect(feedback(page)).toContainText('Remboursement de');
});

test('a counter order cannot be withdrawn: the page says so and records nothing', async ({ browser, page, db }) => {
  const counterEmail = uniqueEmail('comptoir');
  await logIn(page, await createStaff(db, 'libraire', 'Libraire Comptoir'));
  await page.goto('/admin/commandes-clients/nouvelle');
  const form = page.getByRole('form', { name: 'Commande client' });
  await form.getByLabel('EAN du livre').fill(SEED_BOOK.ean);
  await form.getByLabel('Nom du client').fill('Client Comptoir');
  await form.getByLabel('Adresse e-mail').fill(counterEmail);
  await form.getByLabel('Déjà réglé en librairie').check();
  await form.getByRole('button', { name: 'Enregistrer la commande client' }).click();
  await expect(page).toHaveURL(/\/admin\/commandes\/[A-Z0-9-]+$/);
  const counterReference = page.url().split('/').at(-1)!;

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await askForLink(reader, counterReference, counterEmail);
  const linkEmail = await sentEmail(db, counterReference, 'tracking_link', /renoncer/);
  await reader.goto(withdrawalLinkIn(linkEmail.text)!);
  await expect(reader.getByRole('status')).toContainText(
    'le droit de rétractation ne s’applique qu’aux achats à distance',
  );
  await expect(reader.getByRole('form', { name: 'Déclarer une rétractation' })).toHaveCount(0);
  expect(await withdrawalsOf(db, counterReference)).toBe(0);
  await readerContext.close();

  // Cancelled again, so that the purchase lists stay as the other specs expect them.
  await page.getByText('Annuler la commande client…').click();
  await page.getByLabel('Je confirme l’annulation').check();
  await page.getByRole('button', { name: 'Annuler la commande client' }).click();
  await expect(feedback(page)).toContainText('Commande client annulée.');
});
