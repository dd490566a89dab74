import type { BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolation } from './support/admin';
import { signInByLink } from './support/reader-account';
import { expect, test, uniqueEmail } from './support/shop';

// Passkeys in Chromium, with the browser's own virtual authenticator (Chrome DevTools Protocol,
// https://chromedevtools.github.io/devtools-protocol/tot/WebAuthn/): a reader signed in by the
// e-mail's link adds a passkey, signs out, signs in again with it alone, and removes it.

test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** A platform authenticator that holds discoverable credentials and verifies the user (a phone's fingerprint). */
async function withAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

test('a reader adds a passkey, then signs in with it alone, then removes it', async ({ browser, db }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const authenticator = await withAuthenticator(context, page);
  const email = uniqueEmail('cle');

  await signInByLink(page, db, email);
  await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Mes clés d’accès' }).click();
  await expect(page.getByText('Aucune clé d’accès pour l’instant.')).toBeVisible();
  await expectNoAxeViolation(page);
  await page.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
  // Named after the browser and system it was added from (the user agent Playwright's device sends).
  await expect(page.getByRole('status')).toContainText(/^Clé d’accès ajoutée \(Chrome sur \w+\)/);
  const label = /\((Chrome sur \w+)\)/.exec((await page.getByRole('status').textContent()) ?? '')![1]!;
  expect(await authenticator.credentials()).toHaveLength(1);
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: label })).toContainText('jamais utilisée');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/compte\/connexion\?deconnecte=1$/);
  await expectNoAxeViolation(page);
  // No e-mail typed: the passkey names its account.
  await page.getByRole('button', { name: 'Se connecter avec une clé d’accès' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByRole('navigation', { name: 'Mon compte' })).toContainText(email);

  await page.goto('/compte/cles');
  const row = page.getByRole('listitem').filter({ hasText: label });
  await expect(row).toContainText('utilisée le');
  await row.getByRole('button', { name: `Supprimer la clé d’accès ${label}`, exact: false }).click();
  await expect(page.getByRole('status')).toHaveText('Clé d’accès supprimée : elle n’ouvre plus votre compte.');

  // The browser still holds the key, the shop no longer knows it: refused.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Se connecter avec une clé d’accès' }).click();
  await expect(page.getByRole('region', { name: 'Avec une clé d’accès' }).getByRole('alert')).toHaveText(
    'Cette clé d’accès n’a pas été reconnue. Réessayez, ou recevez un lien de connexion par courriel.',
  );
  await expect(page).toHaveURL(/\/compte\/connexion/);
  await context.close();
});

test('a reader’s passkey page is behind the sign-in; without JavaScript it says passkeys need it', async ({
  browser,
  db,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/compte/cles');
  await expect(page).toHaveURL(/\/compte\/connexion$/);
  // The sign-in page shows no passkey button it could not use.
  await expect(page.getByRole('button', { name: 'Se connecter avec une clé d’accès' })).toHaveCount(0);

  const jsContext = await browser.newContext();
  const jsPage = await jsContext.newPage();
  const email = uniqueEmail('sans-js');
  await signInByLink(jsPage, db, email);
  await context.addCookies(await jsContext.cookies());
  await page.goto('/compte/cles');
  await expect(page.getByText('il faut un navigateur qui les accepte, avec JavaScript activé')).toBeVisible();
  await jsContext.close();
  await context.close();
});
