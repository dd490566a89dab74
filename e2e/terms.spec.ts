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

test('the terms carry what the law asks: the withdrawal function, the model form, the legal-guarantee box, complaints, the steps, the version', async ({
  page,
}) => {
  await page.goto('/conditions-generales-de-vente');
  const main = page.getByRole('main');
  // Art. L221-5 and R221-3 (2026): where the withdrawal function is, and its dated acknowledgement.
  const withdrawal = main.getByRole('region', { name: 'Droit de rétractation' });
  await expect(withdrawal).toContainText('« Renoncer au contrat ici »');
  await expect(withdrawal).toContainText('« Confirmer la rétractation »');
  await expect(withdrawal).toContainText('la date et l’heure de sa soumission');
  await expect(withdrawal).toContainText('prolongé jusqu’au premier jour ouvrable suivant (art. L221-19)');
  await expect(withdrawal).toContainText('les frais de retour sont à votre charge (art. L221-23)');
  await expect(withdrawal.getByRole('heading', { name: 'Formulaire de rétractation' })).toBeVisible();
  // Art. D211-2: the box, in the model's words.
  const box = main.getByRole('region', { name: 'Garanties légales' });
  await expect(box).toContainText('délai de deux ans à compter de la délivrance du bien');
  await expect(box).toContainText('articles 1641 à 1649 du code civil');
  // Complaints, the steps to conclude (C. civ. art. 1127-1), the single-copy ordering service, the version.
  await expect(main.getByRole('region', { name: 'Réclamations et médiation' })).toContainText(
    'au plus tard quinze jours',
  );
  const ordering = main.getByRole('region', { name: 'Commande et paiement' });
  await expect(ordering).toContainText('Le contrat est conclu en français.');
  await expect(ordering).toContainText('Nous archivons chaque commande');
  await expect(main).toContainText('nous commandons gratuitement, à l’unité, tout livre');
  await expect(main).toContainText(/Conditions en vigueur \(version du \d{1,2} \S+ \d{4}\)\./);
  await expect(main).not.toContainText('par colis');
});
