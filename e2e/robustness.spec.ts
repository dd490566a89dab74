import { E2E_BASE_URL } from './support/ports';
import { expect, test } from '@playwright/test';

// Malformed parameters get a page or a French 404, never a 500.
const cases: [string, number][] = [
  ['/livre/abc', 404],
  ['/livre/9782296013682', 404],
  ['/livre/' + '9'.repeat(1000), 404],
  ['/livres?page=-1', 200],
  ['/livres?page=abc&tri=hasard&disponibilite=partout&theme=../../etc', 200],
  ['/livres?page=99999', 200],
  ['/recherche?q=%00', 200],
  ['/recherche?q=' + 'a'.repeat(1000), 200],
  ['/recherche?q=', 200],
  ['/theme/nexiste/pas', 404],
  ['/theme/%00', 404],
  ['/auteur/Nobody%20Here', 404],
  ['/editeur/inconnu', 404],
  ['/collection/inconnue', 404],
];

for (const [path, status] of cases) {
  test(`${path.slice(0, 60)} answers ${status}`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(status);
    if (status === 404) expect(await response.text()).toContain('Page introuvable');
  });
}

test('sitemap, robots and health answer', async ({ request }) => {
  // The sitemap is an index of files of 50,000 URLs at most (lib/seo/sitemap.ts).
  const index = await request.get('/sitemap.xml');
  expect(index.status()).toBe(200);
  expect(index.headers()['content-type']).toContain('application/xml');
  const files = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
  expect(files).toEqual(
    expect.arrayContaining([`${E2E_BASE_URL}/plan-du-site/pages.xml`, `${E2E_BASE_URL}/plan-du-site/livres-0.xml`]),
  );
  const books = await request.get(`${E2E_BASE_URL}/plan-du-site/livres-0.xml`);
  expect(await books.text()).toContain(`<loc>${E2E_BASE_URL}/livre/9782296013681</loc>`);
  expect(await (await request.get('/plan-du-site/pages.xml')).text()).toContain(
    `<loc>${E2E_BASE_URL}/theme/droit</loc>`,
  );
  for (const unknown of ['/plan-du-site/livres-999.xml', '/plan-du-site/themes-0.xml', '/plan-du-site/livres-01.xml']) {
    expect((await request.get(unknown)).status(), unknown).toBe(404);
  }
  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toContain(`Sitemap: ${E2E_BASE_URL}/sitemap.xml`);
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
});
