import { createStaff, demoAdmin, logIn } from './support/admin';
import { E2E_BASE_URL } from './support/ports';
import { expect, test } from './support/shop';

// Staff login as a person meets it: the cookie, logout, and 20 wrong passwords in a row.

const SESSION_COOKIE = 'librairie-equipe'; // `__Host-librairie-equipe` when SITE_URL is https

test('the session cookie is HttpOnly and SameSite=Lax, never one planted before login, and dead after logout', async ({
  page,
  db,
}) => {
  const staff = await createStaff(db, 'libraire');
  // A token planted in the browser before login (session fixation) is never the session.
  const planted = 'A'.repeat(43);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: planted, url: E2E_BASE_URL }]);
  await logIn(page, staff);
  const second = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(second).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(second?.value).not.toBe(planted);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/admin\/connexion$/);
  // A copy of the cookie taken before logout opens nothing: the session row is gone.
  await page.context().addCookies([{ ...second!, expires: -1 }]);
  await page.goto('/admin/commandes');
  await expect(page).toHaveURL(/\/admin\/connexion\?suite=%2Fadmin%2Fcommandes$/);
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM "StaffSession" s JOIN "Staff" t ON t."id" = s."staffId" WHERE t."email" = $1`,
    [staff.email],
  );
  expect(rows).toEqual([{ n: 0 }]);
});

test('20 wrong passwords in a row: refused, then slowed, and every one in the journal', async ({ page, db }) => {
  // A purchase or twenty logins, then the checks: three times the default timeout on a loaded machine.
  test.slow();
  const target = await createStaff(db, 'libraire');
  await page.goto('/admin/connexion');
  const messages: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    await page.getByLabel('Adresse e-mail').fill(target.email);
    await page.getByLabel('Mot de passe').fill(`mauvais mot de passe ${i}`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.locator('form').getByRole('alert');
    await expect(alert).not.toHaveText('');
    messages.push((await alert.textContent()) ?? '');
    await page.goto('/admin/connexion');
  }
  expect(messages.slice(0, 5)).toEqual(Array(5).fill('Adresse e-mail ou mot de passe incorrect.'));
  expect(new Set(messages.slice(5))).toEqual(new Set(['Trop de tentatives de connexion. Réessayez dans 15 minutes.']));

  // The right password waits too, from this browser.
  await page.getByLabel('Adresse e-mail').fill(target.email);
  await page.getByLabel('Mot de passe').fill(target.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(/^Trop de tentatives/);

  // The owner reads them in the journal.
  await logIn(page, demoAdmin());
  await page.goto('/admin/journal?action=auth.login_failed');
  await expect(page.getByRole('row').filter({ hasText: target.email })).toHaveCount(5);
  await page.goto('/admin/journal?action=auth.login_throttled');
  await expect(page.getByRole('row').filter({ hasText: target.email })).toHaveCount(16);
});
