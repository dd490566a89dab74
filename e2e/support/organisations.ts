import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { freshSiret } from '../../scripts/test/fixtures/organisations';

export { freshSiret };
import { expect } from './shop';

// What the specs of customer organisations share: a library written straight into the database as
// staff record it at /admin/clients, and its buyer signing in as a reader does.

/** A university library with 9 % and its buyer, as staff record it at /admin/clients. */
export async function createLibrary(
  db: pg.Pool,
  buyer: string,
  options: { chorusServiceCode?: string } = {},
): Promise<{ id: number; name: string; siret: string }> {
  const name = `Bibliothèque universitaire ${randomInt(1_000_000)}`;
  const siret = freshSiret();
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "CustomerOrganisation" ("name", "siret", "kind", "publicBuyer", "chorusServiceCode", "paymentTermDays",
       "discountBasisPoints", "billingEmail", "billingLine1", "billingPostalCode", "billingCity", "updatedAt")
     VALUES ($1, $2, 'library', true, $3, 30, 900, 'factures@bu.example', '12 place du Panthéon', '75005', 'Paris', now())
     RETURNING "id"`,
    [name, siret, options.chorusServiceCode ?? null],
  );
  const id = rows[0]!.id;
  await db.query(`INSERT INTO "OrganisationMember" ("organisationId", "email") VALUES ($1, $2)`, [id, buyer]);
  return { id, name, siret };
}

async function lastEmailId(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ id: number | null }>(`SELECT max("id") AS "id" FROM "EmailMessage"`);
  return rows[0]?.id ?? 0;
}

/**
 * Signs in at /compte/connexion with the e-mail the worker wrote to the outbox: by its link, or by
 * its code (the way without JavaScript, as e2e/reader-account.spec.ts does).
 */
export async function signIn(page: Page, db: pg.Pool, email: string, by: 'link' | 'code' = 'link'): Promise<void> {
  const since = await lastEmailId(db);
  await page.goto('/compte/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  let text = '';
  await expect
    .poll(
      async () => {
        const { rows } = await db.query<{ text: string | null }>(
          `SELECT "text" FROM "EmailMessage" WHERE "toAddress" = $1 AND "kind" = 'sign_in_link'
             AND "status" = 'sent' AND "id" > $2 ORDER BY "id" DESC LIMIT 1`,
          [email, since],
        );
        text = rows[0]?.text ?? '';
        return text !== '';
      },
      { timeout: 30_000, message: `the sign-in e-mail of ${email}` },
    )
    .toBe(true);
  if (by === 'code') {
    const code = /code de connexion : (\d{6})/.exec(text)?.[1];
    if (!code) throw new Error(`No code in the e-mail: ${text}`);
    await page.getByLabel('Code à 6 chiffres reçu par courriel').fill(code);
    await page.getByRole('button', { name: 'Me connecter avec ce code' }).click();
    await expect(page).toHaveURL(/\/compte$/);
    return;
  }
  const link = /https?:\/\/\S+\/compte\/connexion\/lien\?jeton=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!link) throw new Error(`No link in the e-mail: ${text}`);
  await page.goto(link);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
}
