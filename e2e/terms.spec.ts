import { expect, test } from '@playwright/test';

test('the terms state the fixed book price, the shipping table as configured and the withdrawal right', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Conditions générales de vente' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conditions générales de vente');
  const home = page.getByRole('table', { name: 'Livraison à domicile (Colissimo)' });
  await expect(home.getByRole('row', { name: /Commande inférieure à 35,00/ })).toContainText('4,90 € par commande');
  await expect(home.getByRole('row', { name: /à partir de 35,00/ })).toContainText('0,01 € par commande');
  await expect(page.getByRole('table', { name: 'Retrait en librairie' })).toContainText('Gratuit');
  await expect(page.getByText(/loi n° 81-766 du 10 août 1981/).first()).toBeVisible();
  await expect(page.getByText(/quatorze jours .* droit de rétractation/)).toBeVisible();
  await expect(page.getByText(/frais de livraison standard/)).toBeVisible();
  await expect(page.getByText(/Commander avec obligation de paiement/)).toBeVisible();
});

test('the terms state only what the shop does: its identity, no discount, no used books, the e-mails it sends', async ({
  page,
}) => {
  await page.goto('/conditions-generales-de-vente');
  const main = page.getByRole('main');
  await expect(main.getByRole('region', { name: 'Vendeur' })).toContainText('SIRET');
  await expect(main).toContainText('sans remise');
  await expect(main).toContainText('formulaire type (art. L221-13)');
  await expect(main.getByRole('link', { name: 'Suivre une commande' })).toHaveAttribute('href', '/suivi');
  // What the shop does not do is not promised.
  await expect(main).not.toContainText('remise jusqu’à 9 %');
  await expect(main).not.toContainText('Livres d’occasion');
  await expect(main).not.toContainText('la remise de 5 % sur les livres neufs est permise');
});
