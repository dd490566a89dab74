import type { Page } from '@playwright/test';
import type pg from 'pg';
import { booksFromSupplier, createStaff, expectNoAxeViolation, logIn } from './support/admin';
import { expect, test, uniqueEmail } from './support/shop';

// "M'avertir de sa disponibilité" as a reader and a bookseller use it: the form on a book that
// cannot ship now (without JavaScript, as the front cache may serve the page to anyone), the
// address confirmed by the e-mailed link's button, the reader counted on the stock page, copies
// received at the desk, and the one "disponible" e-mail in the outbox.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

type AlertEmail = { kind: string; status: string; subject: string | null; text: string | null };

/** The e-mail of this kind about the address's alert on the book, once the worker sent it to the outbox. */
async function sentAlertEmail(db: pg.Pool, email: string, ean: string, kind: string): Promise<AlertEmail> {
  let found: AlertEmail | undefined;
  await expect
    .poll(
      async () => {
        const { rows } = await db.query<AlertEmail>(
          `SELECT e."kind"::text AS "kind", e."status"::text AS "status", e."subject", e."text"
             FROM "EmailMessage" e JOIN "AvailabilityAlert" a ON a."id" = e."availabilityAlertId"
             JOIN "Book" b ON b."id" = a."bookId"
            WHERE a."email" = $1 AND b."ean" = $2 AND e."kind" = $3::"EmailKind" ORDER BY e."id" DESC`,
          [email, ean, kind],
        );
        found = rows.find((row) => row.status === 'sent');
        return found !== undefined;
      },
      { timeout: 60_000, message: `the ${kind} e-mail to ${email}` },
    )
    .toBe(true);
  return found!;
}

async function alertsOf(db: pg.Pool, email: string): Promise<{ status: string }[]> {
  const { rows } = await db.query<{ status: string }>(
    `SELECT "status"::text AS "status" FROM "AvailabilityAlert" WHERE "email" = $1`,
    [email],
  );
  return rows;
}

async function askForAlert(page: Page, ean: string, email: string) {
  await page.goto(`/livre/${ean}`);
  const form = page.getByRole('form', { name: 'M’avertir de sa disponibilité' });
  await form.getByLabel('Votre adresse e-mail').fill(email);
  await form.getByRole('button', { name: 'M’avertir de sa disponibilité' }).click();
  return form;
}

test('a reader asks to be told when a book to order is in stock, and gets one e-mail when it is', async ({
  page,
  browser,
  db,
}) => {
  const [book] = await booksFromSupplier(db, 1);
  const email = uniqueEmail('alerte');

  // The form is on the book page and passes axe; a wrong address is told, nothing recorded.
  await page.goto(`/livre/${book!.ean}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(book!.title);
  await expect(page.getByRole('form', { name: 'M’avertir de sa disponibilité' })).toBeVisible();
  await expectNoAxeViolation(page);
  const wrong = await askForAlert(page, book!.ean, 'pas-une-adresse');
  await expect(wrong.getByRole('alert').first()).toHaveText('Vérifiez votre adresse e-mail.');
  await expectNoAxeViolation(page);

  // Without JavaScript: the form posts, the answer says the same whatever the address.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const reader = await noScript.newPage();
  const asked = await askForAlert(reader, book!.ean, email);
  await expect(reader.getByRole('status')).toContainText('C’est noté');
  await expect(asked.getByLabel('Votre adresse e-mail')).toHaveCount(0);
  expect(await alertsOf(db, email)).toEqual([{ status: 'pending' }]);
  // Asked twice: the same answer, still one alert.
  await askForAlert(reader, book!.ean, email.toUpperCase());
  await expect(reader.getByRole('status')).toContainText('C’est noté');
  expect(await alertsOf(db, email)).toEqual([{ status: 'pending' }]);

  // The link of the last confirmation e-mail opens a page that changes nothing until its button is pressed.
  const confirmation = await sentAlertEmail(db, email, book!.ean, 'availability_alert_confirm');
  expect(confirmation.subject).toBe(`Confirmez votre alerte pour « ${book!.title} »`);
  const link = /http:\/\/[^\s]+\/alerte\/[A-Za-z0-9_-]{43}/.exec(confirmation.text ?? '')![0];
  await expect
    .poll(async () => {
      await reader.goto(new URL(link).pathname);
      return reader.getByRole('button', { name: 'Confirmer mon alerte' }).count();
    })
    .toBe(1);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Alerte de disponibilité');
  expect(await alertsOf(db, email)).toEqual([{ status: 'pending' }]);
  await reader.getByRole('button', { name: 'Confirmer mon alerte' }).click();
  await expect(reader.getByRole('status')).toHaveText(
    'Votre alerte est confirmée : nous vous écrirons une fois, dès que le livre sera disponible.',
  );
  expect(await alertsOf(db, email)).toEqual([{ status: 'confirmed' }]);
  const scripted = await browser.newContext();
  const withScript = await scripted.newPage();
  await withScript.goto(new URL(link).pathname);
  await expect(withScript.getByRole('button', { name: 'Annuler l’alerte' })).toBeVisible();
  await expectNoAxeViolation(withScript);
  await scripted.close();
  await noScript.close();

  // The stock desk sees the reader waiting.
  await logIn(page, await createStaff(db, 'libraire'));
  await page.goto(`/admin/stock?etat=attente&q=${book!.ean}`);
  const row = page.getByRole('row').filter({ hasText: book!.title });
  await expect(row).toContainText('1 lecteur en attente');
  await expectNoAxeViolation(page);

  // Three copies received at the desk, the EAN scanned.
  const { rows } = await db.query<{ supplierId: number }>(`SELECT "supplierId" FROM "Book" WHERE "ean" = $1`, [
    book!.ean,
  ]);
  await page.goto('/admin/receptions/nouvelle');
  await page.getByLabel('Distributeur', { exact: true }).selectOption(String(rows[0]!.supplierId));
  await page.getByLabel('Numéro du bon de livraison ou de la facture').fill(`BL-ALERTE-${Date.now()}`);
  await page.getByLabel('Exemplaires', { exact: true }).fill('3');
  const scan = page.getByLabel('EAN (scannez, ou tapez puis Entrée)');
  await scan.fill(book!.ean);
  await scan.press('Enter');
  await expect(page.getByLabel(`Exemplaires reçus de « ${book!.title} »`)).toHaveValue('3');
  await page.getByRole('button', { name: 'Valider la réception' }).click();
  await expect(page).toHaveURL(/\/admin\/receptions\/\d+\?enregistree=1$/);

  // The outbox holds the one "disponible" e-mail, with the book's link and price; the alert is closed.
  const available = await sentAlertEmail(db, email, book!.ean, 'availability_alert_available');
  expect(available.subject).toBe(`« ${book!.title} » est disponible`);
  expect(available.text).toContain(`/livre/${book!.ean}`);
  expect(available.text).toMatch(/\d+,\d{2}\s€/);
  expect(await alertsOf(db, email)).toEqual([{ status: 'closed' }]);
  await page.goto(`/admin/stock?etat=attente&q=${book!.ean}`);
  await expect(page.getByText('Aucun livre ne correspond.')).toBeVisible();
});
