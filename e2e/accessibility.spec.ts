import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const path of [
  '/',
  '/livres',
  '/livre/9782296013681',
  '/livre/9782296998414',
  '/recherche?q=droit',
  '/theme/droit',
  '/livres?page=999',
  // A page reached by key (after price 0, id 1): "Première page" and "Page suivante".
  '/livres?tri=prix-croissant&apres=WzAsMV0',
  '/conditions-generales-de-vente',
  '/coups-de-coeur',
  // A book with "Le mot du libraire" (a demo pick).
  '/livre/9782247225316',
]) {
  test(`axe finds no violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the catalog filters work from the keyboard', async ({ page }) => {
  await page.goto('/livres');
  await page.getByLabel('Disponibilité').focus();
  await page.getByLabel('Disponibilité').selectOption({ label: 'En stock' });
  await page.getByLabel('Trier par').selectOption({ label: 'Prix croissant' });
  await page.getByRole('button', { name: 'Afficher' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/disponibilite=en-stock/);
  await expect(page).toHaveURL(/tri=prix-croissant/);
  const labels = page.getByRole('main').locator('.availability');
  await expect(labels.first()).toHaveText(/^En stock/);
  for (const text of await labels.allTextContents()) expect(text).toMatch(/^En stock/);
});
