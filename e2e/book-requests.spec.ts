import type { Page } from '@playwright/test';
import type pg from 'pg';
import { booksFromSupplier, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { expect, test, uniqueEmail } from './support/shop';

// The single-copy ordering service every bookshop owes (loi n° 81-766 du 10 août 1981, art. 1),
// as a reader and a bookseller use it: "Commander un livre absent du catalogue" from every page,
// the request acknowledged by e-mail, then answered at /admin/demandes by a counter order or a
// refusal, each e-mailed to the reader.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

type RequestEmail = { kind: string; status: string; subject: string | null; text: string | null };

async function requestOf(db: pg.Pool, email: string) {
  const { rows } = await db.query<{ reference: string; status: string; orderReference: string | null }>(
    `SELECT r."reference", r."status"::text AS "status", o."reference" AS "orderReference"
       FROM "BookRequest" r LEFT JOIN "Order" o ON o."id" = r."orderId" WHERE r."email" = $1`,
    [email],
  );
  return rows;
}

/** The e-mail of this kind for the reader's request, once the worker sent it to the outbox. */
async function sentRequestEmail(db: pg.Pool, email: string, kind: string): Promise<RequestEmail> {
  let found: RequestEmail | undefined;
  await expect
    .poll(
      async () => {
        const { rows } = await db.query<RequestEmail>(
          `SELECT e."kind"::text AS "kind", e."status"::text AS "status", e."subject", e."text"
             FROM "EmailMessage" e JOIN "BookRequest" r ON r."id" = e."bookRequestId"
            WHERE r."email" = $1 AND e."kind" = $2::"EmailKind"`,
          [email, kind],
        );
        found = rows.find((row) => row.status === 'sent');
        return found !== undefined;
      },
      { timeout: 30_000, message: `the ${kind} e-mail to ${email}` },
    )
    .toBe(true);
  return found!;
}

async function askForBook(page: Page, fields: { isbn?: string; title?: string; author?: string; email: string }) {
  await page.goto('/commander-un-livre');
  const form = page.getByRole('form', { name: 'Commander un livre absent du catalogue' });
  if (fields.isbn) await form.getByLabel('ISBN').fill(fields.isbn);
  if (fields.title) await form.getByLabel('Titre').fill(fields.title);
  if (fields.author) await form.getByLabel('Auteur').fill(fields.author);
  await form.getByLabel('Nom et prénom').fill('Camille Lectrice');
  await form.getByLabel('Adresse e-mail').fill(fields.email);
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  return form;
}

const readerEmail = uniqueEmail('demande');
const otherEmail = uniqueEmail('demande-refusee');

test('from the home page, a reader asks for a book the catalogue lacks and gets an acknowledgement', async ({
  page,
  db,
}) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Commander un livre absent du catalogue' }).click();
  await expect(page).toHaveURL(/\/commander-un-livre$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commander un livre absent du catalogue');
  await expectNoAxeViolation(page);

  // Nothing named: each field says what is missing, and nothing is recorded.
  const empty = await askForBook(page, { email: readerEmail });
  await expect(empty.getByRole('alert').first()).toHaveText('Vérifiez les champs signalés.');
  await expect(empty.getByText('Indiquez l’ISBN, ou le titre et l’auteur.').first()).toBeVisible();
  await expectNoAxeViolation(page);
  expect(await requestOf(db, readerEmail)).toEqual([]);

  const form = await askForBook(page, {
    title: 'Les grands arrêts du contentieux administratif',
    author: 'Jean-Claude Bonichot',
    email: readerEmail,
  });
  await expect(form.getByRole('status')).toContainText('Demande enregistrée.');
  const [recorded] = await requestOf(db, readerEmail);
  expect(recorded).toMatchObject({ status: 'open', orderReference: null });
  const acknowledgement = await sentRequestEmail(db, readerEmail, 'book_request_received');
  expect(acknowledgement.subject).toBe(`Votre demande de livre ${recorded!.reference}`);
  expect(acknowledgement.text).toContain('Les grands arrêts du contentieux administratif, de Jean-Claude Bonichot');
  expect(acknowledgement.text).toContain('sous deux jours ouvrables');

  await askForBook(page, { title: 'Un livre épuisé depuis 1987', author: 'Auteur Oublié', email: otherEmail });
  await expect(page.getByRole('status')).toContainText('Demande enregistrée.');
});

test('a book the catalogue has is sent to its page', async ({ page, db }) => {
  const [book] = await booksFromSupplier(db, 1);
  const email = uniqueEmail('demande-catalogue');
  const form = await askForBook(page, { isbn: book!.ean, email });
  await expect(form.getByRole('alert')).toHaveText('Ce livre est au catalogue : commandez-le depuis sa fiche.');
  await form.getByRole('link', { name: 'Voir la fiche du livre' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(book!.title);
  expect(await requestOf(db, email)).toEqual([]);
});

test('the bookseller refuses one request with its reason, and orders the other for the reader', async ({
  page,
  db,
}) => {
  const [toOrder] = await requestOf(db, readerEmail);
  const [toDecline] = await requestOf(db, otherEmail);
  await logIn(page, await createStaff(db, 'libraire', 'Libraire Demandes'));
  await page
    .getByRole('navigation', { name: 'Arrière-boutique' })
    .getByRole('link', { name: 'Demandes des lecteurs' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demandes des lecteurs');
  await expectNoAxeViolation(page);

  const decline = page.getByRole('form', { name: `Refuser la demande ${toDecline!.reference}` });
  await decline.getByLabel('Raison, envoyée au lecteur').fill('Épuisé chez l’éditeur, sans réimpression prévue.');
  await decline.getByRole('button', { name: 'Refuser' }).click();
  await expect(feedback(page)).toContainText(`Demande ${toDecline!.reference} refusée`);
  const refusal = await sentRequestEmail(db, otherEmail, 'book_request_answered');
  expect(refusal.text).toContain('Notre réponse : Épuisé chez l’éditeur, sans réimpression prévue.');

  // The request fills in the counter order: the bookseller adds the book's EAN.
  const [book] = await booksFromSupplier(db, 1);
  await page
    .getByRole('row', { name: new RegExp(toOrder!.reference) })
    .getByRole('link', { name: /Commander pour le lecteur/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle commande client');
  await expectNoAxeViolation(page);
  const form = page.getByRole('form', { name: 'Commande client' });
  await expect(form.getByLabel('Nom du client')).toHaveValue('Camille Lectrice');
  await expect(form.getByLabel('Adresse e-mail')).toHaveValue(readerEmail);
  await form.getByLabel('EAN du livre').fill(book!.ean);
  await form.getByRole('button', { name: 'Enregistrer la commande client' }).click();
  await expect(page).toHaveURL(/\/admin\/commandes\/LF-[A-Z0-9]+$/);
  const orderReference = page.url().split('/').at(-1)!;

  expect(await requestOf(db, readerEmail)).toEqual([
    { reference: toOrder!.reference, status: 'ordered', orderReference },
  ]);
  const answer = await sentRequestEmail(db, readerEmail, 'book_request_answered');
  expect(answer.subject).toBe(`Votre demande de livre ${toOrder!.reference} : livre commandé`);
  expect(answer.text).toContain(`commande client n° ${orderReference}`);
  expect(answer.text).toContain(book!.title);

  await page.goto('/admin/demandes');
  const answered = page.getByRole('table', { name: 'Dernières demandes traitées' });
  await expect(answered.getByRole('row', { name: new RegExp(toOrder!.reference) })).toContainText(
    `Commandé : ${orderReference}`,
  );
  await expect(answered.getByRole('row', { name: new RegExp(toDecline!.reference) })).toContainText('Refusé');
});
