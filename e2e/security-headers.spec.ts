import { addToCart, expect, SEED_BOOK, test } from './support/shop';

// Every page is served with a Content-Security-Policy that it actually passes: Next's own inline
// scripts carry the response's nonce, nothing is refused, and the app's JavaScript runs.
const PAGES = [
  '/',
  '/livres',
  `/livre/${SEED_BOOK.ean}`,
  // A cover image served by next/image, and covers in the related rows.
  '/livre/9782296998414',
  '/collection/administration-et-amenagement-du-territoire',
  '/recherche?q=droit',
  '/theme/droit',
  '/auteur/fabrice-dhume-sonzogni',
  '/editeur/l-harmattan',
  '/conditions-generales-de-vente',
  '/page-qui-n-existe-pas',
  '/panier',
  '/commande',
];

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

test('every page carries the CSP, HSTS-free over http, and passes it', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
  });
  // With a book in the cart, /panier and /commande render their forms too.
  await addToCart(page, SEED_BOOK.ean);
  for (const path of PAGES) {
    const response = await page.goto(path);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(response?.headers()['strict-transport-security'], path).toBeUndefined();
    expect(response?.headers()['permissions-policy'], path).toContain('camera=()');
    expect(response?.headers()['cross-origin-opener-policy'], path).toBe('same-origin');
    // The app's runtime booted: its scripts were allowed.
    await expect
      .poll(() => page.evaluate(() => Boolean((window as { next?: { appDir?: boolean } }).next?.appDir)))
      .toBe(true);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual(
      [],
    );
  }
  expect(consoleErrors).toEqual([]);
});

test('the French 503 page stands alone: its own style allowed by hash, no script', async ({ request }) => {
  const response = await request.get('/indisponible?retour=/livres');
  expect(response.status()).toBe(503);
  expect(response.headers()['retry-after']).toBe('5');
  expect(response.headers()['content-security-policy']).toMatch(/style-src 'sha256-/);
  const html = await response.text();
  expect(html).toContain('Service momentanément indisponible');
  expect(html).toContain('href="/livres"');
});
