import type { Page } from '@playwright/test';
import type pg from 'pg';
import { expect } from './shop';

// Signing in to a reader's account as a person does: the e-mail asked at /compte/connexion, read
// in the development outbox (what the reader would have received), its link opened.

export const SIGN_IN_ANSWER =
  'Nous venons d’envoyer à cette adresse un lien et un code de connexion, valables 15 minutes. Ouvrez le lien, ou saisissez le code ci-dessous.';

/** The sign-in e-mail sent to this address after `afterId`, as the worker wrote it to the outbox. */
export async function signInEmail(
  db: pg.Pool,
  email: string,
  afterId: number,
): Promise<{ link: string; code: string }> {
  let text = '';
  await expect
    .poll(
      async () => {
        const { rows } = await db.query<{ text: string | null }>(
          `SELECT "text" FROM "EmailMessage"
            WHERE "toAddress" = $1 AND "kind" = 'sign_in_link' AND "status" = 'sent' AND "id" > $2
            ORDER BY "id" DESC LIMIT 1`,
          [email, afterId],
        );
        text = rows[0]?.text ?? '';
        return text !== '';
      },
      { timeout: 30_000, message: `the sign-in e-mail of ${email} in the outbox` },
    )
    .toBe(true);
  const link = /https?:\/\/\S+\/compte\/connexion\/lien\?jeton=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  const code = /code de connexion : (\d{6})/.exec(text)?.[1];
  if (!link || !code) throw new Error(`No link or code in the e-mail: ${text}`);
  return { link, code };
}

export async function lastEmailId(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ id: number | null }>(`SELECT max("id") AS "id" FROM "EmailMessage"`);
  return rows[0]?.id ?? 0;
}

/** Asks a sign-in at /compte/connexion; returns the e-mail's link and code. */
export async function askSignIn(page: Page, db: pg.Pool, email: string) {
  const since = await lastEmailId(db);
  await page.goto('/compte/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lien et un code' })).toHaveText(SIGN_IN_ANSWER);
  return signInEmail(db, email, since);
}

/** Signs in by the e-mail's link: its page shows a button, the POST uses the link. */
export async function signInByLink(page: Page, db: pg.Pool, email: string): Promise<void> {
  const { link } = await askSignIn(page, db, email);
  await page.goto(link);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
}
