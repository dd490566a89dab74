import { expectNoAxeViolation } from './support/admin';
import { signInByLink } from './support/reader-account';
import { expect, test, uniqueEmail } from './support/shop';

// A signed-in reader asks "M'avertir de sa disponibilité" with the account's address: no
// confirmation e-mail, the alert is in "Mes alertes", where it is cancelled.

test.describe.configure({ timeout: 120_000 });

test('a signed-in reader’s alert needs no confirmation and is listed, then cancelled, in the account', async ({
  browser,
  db,
}) => {
  const { rows } = await db.query<{ ean: string; title: string }>(
    `SELECT "ean", "title" FROM "Book" WHERE "availability" = 'to_order' AND "delistedAt" IS NULL ORDER BY "id" DESC LIMIT 1`,
  );
  const book = rows[0]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail('alerte-compte');
  await signInByLink(page, db, email);

  await page.goto(`/livre/${book.ean}`);
  const form = page.getByRole('form', { name: 'M’avertir de sa disponibilité' });
  await form.getByLabel('Votre adresse e-mail').fill(email);
  await form.getByRole('button', { name: 'M’avertir de sa disponibilité' }).click();
  await expect(form.getByRole('status')).toContainText(
    `Votre alerte est enregistrée : nous écrirons une fois à ${email}`,
  );

  await page.goto('/compte/alertes');
  const alert = page.getByRole('listitem').filter({ hasText: book.title });
  await expect(alert).toContainText('en attente');
  await expectNoAxeViolation(page);
  const { rows: emails } = await db.query(
    `SELECT 1 FROM "EmailMessage" WHERE "toAddress" = $1 AND "kind"::text LIKE 'availability_alert%'`,
    [email],
  );
  expect(emails).toHaveLength(0);

  await alert.getByRole('button', { name: `Annuler l’alerte : « ${book.title} »` }).click();
  await expect(page.getByRole('status')).toHaveText('Alerte annulée.');
  await expect(page.getByText('Aucune alerte en cours.')).toBeVisible();
  await context.close();
});
