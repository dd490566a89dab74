import { expect, test } from '@playwright/test';

test('the terms state the fixed book price, the shipping table as configured and the withdrawal right', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Conditions générales de vente' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conditions générales de vente');
  const home = page.getByRole('table', { name: 'Livraison à domicile (Colissimo)' });
  await expect(home.getByRole('row', { name: /Commande inférieure à 35,00/ })).toContainText('4,90 € par colis');
  await expect(home.getByRole('row', { name: /à partir de 35,00/ })).toContainText('0,01 € par colis');
  await expect(page.getByRole('table', { name: 'Retrait en librairie' })).toContainText('Gratuit');
  await expect(page.getByText(/loi n° 81-766 du 10 août 1981/).first()).toBeVisible();
  await expect(page.getByText(/quatorze jours .* droit de rétractation/)).toBeVisible();
  await expect(page.getByText(/frais de livraison standard/)).toBeVisible();
  await expect(page.getByText(/Commander avec obligation de paiement/)).toBeVisible();
});
