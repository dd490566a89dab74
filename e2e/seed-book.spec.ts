import { expect, test } from '@playwright/test';

// A reader looks for the model book, finds it, reads everything its page must show.
test('a reader searches "cooperation", opens the seed book and sees every field', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: /Rechercher un livre/ }).fill('cooperation');
  await page.getByRole('button', { name: 'Rechercher' }).first().click();
  await expect(page).toHaveURL(/\/recherche\?q=cooperation/);

  await page.getByRole('link', { name: "La coopération dans l'action publique" }).click();
  await expect(page).toHaveURL(/\/livre\/9782296013681$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("La coopération dans l'action publique");

  // The book itself, not the related rows below it.
  const main = page.getByRole('main').getByRole('article', { name: "La coopération dans l'action publique" });
  await expect(main.getByRole('link', { name: 'Fabrice Dhume-Sonzogni' }).first()).toBeVisible();
  await expect(main.getByText("Éditeur : L'Harmattan")).toBeVisible();
  await expect(main.getByText('Collection : Administration et Aménagement du territoire')).toBeVisible();
  await expect(main.getByText('Date de parution : 15/09/2006')).toBeVisible();
  await expect(main.getByText('EAN : 9782296013681')).toBeVisible();
  await expect(main.getByText('Nombre de pages : 328')).toBeVisible();
  await expect(main.getByText('Expédié sous 6 à 10 jours')).toBeVisible();
  await expect(main.getByText(/^29,00\s€$/)).toBeVisible();
  await expect(main.getByRole('button', { name: 'Ajouter au panier' })).toBeVisible();
  await expect(main.getByText(/L'évolution du travail fait désormais appel à la coopération/)).toHaveCount(1);
  await expect(main.getByText(/une fédération de Centres sociaux, un réseau santé-social/)).toHaveCount(1);
  await expect(main.getByText(/chercheur-coopérant à l'ISCRA/)).toBeVisible();

  const specs = main.getByRole('table', { name: 'Caractéristiques du livre' });
  const expected: [string, string | RegExp][] = [
    ['EAN', '9782296013681'],
    ['ISBN', '978-2-296-01368-1'],
    ['Date de parution', '15/09/2006'],
    ['Nombre de pages', '328'],
    ["Type d'ouvrage", 'Documents'],
    ['Support', 'Livre'],
    ['Langue', 'Français'],
    ['Auteur(s)', 'Fabrice Dhume-Sonzogni'],
    ['Éditeur', "L'Harmattan"],
    ['Collection', 'Administration et Aménagement du territoire'],
    ['Thème', "Droit > Droit administratif > Action de l'administration > Ouvrages généraux"],
  ];
  for (const [label, value] of expected) {
    await expect(specs.getByRole('row', { name: new RegExp(`^${escape(label)}`) }).getByRole('cell')).toHaveText(value);
  }

  const breadcrumb = main.getByRole('navigation', { name: 'Thème du livre' });
  await expect(breadcrumb.getByRole('link')).toHaveText([
    'Droit',
    'Droit administratif',
    "Action de l'administration",
    'Ouvrages généraux',
  ]);
  await breadcrumb.getByRole('link', { name: 'Droit administratif' }).click();
  await expect(page).toHaveURL(/\/theme\/droit\/droit-administratif$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Droit administratif');
  await expect(page.getByRole('link', { name: "La coopération dans l'action publique" })).toBeVisible();
});

test('a reader finds the seed book by its ISBN-10 with hyphens', async ({ page }) => {
  await page.goto('/recherche?q=2-296-01368-6');
  await expect(page.getByRole('link', { name: "La coopération dans l'action publique" })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^1 livre\b/);
});

test('the book page carries schema.org Book JSON-LD with an Offer', async ({ page }) => {
  await page.goto('/livre/9782296013681');
  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(json).toMatchObject({
    '@type': 'Book',
    isbn: '9782296013681',
    name: "La coopération dans l'action publique",
    offers: { '@type': 'Offer', price: '29.00', priceCurrency: 'EUR', availability: 'https://schema.org/BackOrder' },
  });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/livre\/9782296013681$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    "La coopération dans l'action publique",
  );
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
