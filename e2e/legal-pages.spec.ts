import { cookiesOf, formFields, postForm, withValues } from '../scripts/test/action-forms';
import { startSecondInstance } from './support/second-instance';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { addToCart, expect, readerBuys, SEED_BOOK, test, uniqueEmail } from './support/shop';

// What a French shop must publish before it opens, one click from the home page: the mentions
// légales (loi n° 2004-575, art. 1-1), the privacy notice (RGPD art. 13) and the accessibility
// statement (décret n° 2023-931); and a real shop takes no order while its mediator is the demo's.

const PAGES = [
  {
    link: 'Mentions légales',
    url: /\/mentions-legales$/,
    facts: [
      'Forme juridique',
      'Capital social',
      'Siège social',
      'RCS Paris',
      'TVA intracommunautaire',
      'Directeur ou directrice de la publication',
      'Hébergeur',
    ],
  },
  {
    link: 'Données personnelles',
    url: /\/donnees-personnelles$/,
    facts: ['responsable du traitement', 'Stripe', 'anonymisée 30 jours après', 'CNIL', 'Cookies', 'panier'],
  },
  {
    link: 'Accessibilité',
    url: /\/accessibilite$/,
    facts: ['non audité', 'axe-core', 'Limites connues', 'Défenseur des droits'],
  },
];

for (const legal of PAGES) {
  test(`"${legal.link}" is one click from the home page, with every fact, and axe finds no fault`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: legal.link, exact: true }).click();
    await expect(page).toHaveURL(legal.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(legal.link);
    for (const fact of legal.facts) await expect(page.getByRole('main')).toContainText(fact);
    await expectNoAxeViolation(page);
  });
}

test('the checkout form links to the privacy notice', async ({ page }) => {
  await addToCart(page, SEED_BOOK.ean);
  await page.goto('/commande');
  await expect(page.getByRole('link', { name: 'vos données personnelles' })).toHaveAttribute(
    'href',
    '/donnees-personnelles',
  );
});

test('with real Stripe keys, a shop whose mediator is still the demo’s refuses the order, with a message, before Stripe', async () => {
  // A key of Stripe's shape: the refusal comes before any call, so none leaves the machine.
  const live = await startSecondInstance({ STRIPE_SECRET_KEY: 'sk_test_mediateur_fictif_0000000000' });
  try {
    const bookPage = await (await fetch(`${live.url}/livre/${SEED_BOOK.ean}`)).text();
    const added = await postForm(`${live.url}/panier/ajouter`, formFields(bookPage, 'Ajouter au panier'), {
      forwardedFor: '10.31.0.1',
    });
    const cookie = cookiesOf(added);
    const checkoutPage = await (await fetch(`${live.url}/commande`, { headers: { cookie } })).text();
    const fields = withValues(formFields(checkoutPage, 'name="email"'), {
      email: 'lecteur.mediateur@exemple.fr',
      fullName: 'Camille Martin',
      phone: '0612345678',
      deliveryMethod: 'shop_pickup',
    });
    const answer = await postForm(`${live.url}/commande`, fields, { cookie, forwardedFor: '10.31.0.1' });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('La librairie ne prend pas encore de commandes en ligne.');
  } finally {
    await live.stop();
  }
});

test('an admin answers a person’s request: finds their address, exports their data as JSON, erases what the law allows', async ({
  browser,
  page,
  db,
}) => {
  const email = uniqueEmail('rgpd');
  const [book] = await booksOnShelf(db, 1);
  const readerContext = await browser.newContext();
  const reference = await readerBuys(await readerContext.newPage(), [book!.ean], email);
  await readerContext.close();

  await logIn(page, await createStaff(db, 'admin', 'Admin Données'));
  await page
    .getByRole('navigation', { name: 'Arrière-boutique' })
    .getByRole('link', { name: 'Données personnelles' })
    .click();
  const lookup = page.getByRole('search', { name: 'Chercher une adresse e-mail' });
  await lookup.getByLabel('Adresse e-mail').fill(email.toUpperCase());
  await lookup.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(email);
  await expectNoAxeViolation(page);

  const exported = await page.request.get(`/admin/donnees-personnelles/export?email=${encodeURIComponent(email)}`);
  expect(exported.headers()['content-disposition']).toContain('attachment');
  const data = (await exported.json()) as { orders: { reference: string; email: string }[] };
  expect(data.orders).toMatchObject([{ reference, email }]);

  const erase = page.getByRole('form', { name: 'Effacer les données personnelles' });
  await erase.getByRole('checkbox').check();
  await erase.getByRole('button', { name: 'Effacer les données de cette personne' }).click();
  await expect(feedback(page)).toContainText(
    'Effacement fait : 0 commande(s) non payée(s) anonymisée(s), 1 commande(s) payée(s)',
  );
  const { rows } = await db.query<{ email: string; fullName: string }>(
    `SELECT "email", "fullName" FROM "Order" WHERE "reference" = $1`,
    [reference],
  );
  expect(rows[0]).toMatchObject({ email: 'anonyme@invalid' });
  expect(rows[0]?.fullName).not.toBe('Client anonymisé');
});
