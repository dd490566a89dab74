import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { booksFromSupplier, booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { discoverActions, postAction } from './support/admin-surface';
import { emailsOf, sentEmail } from './support/outbox';
import {
  addToCart,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  test,
  uniqueEmail,
} from './support/shop';

// Order tracking and the e-mails, end to end: the confirmation in the outbox with its
// tracking link, the page it opens, the dispatch as the customer sees it, the lookup form that
// never says whether an order exists, its limits, and links that are forged or expired.

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const tokenIn = (text: string | null) => /\/suivi\/([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1];

async function lookUp(page: Page, reference: string, email: string): Promise<string> {
  await page.goto('/suivi');
  await page.getByLabel('Numéro de commande').fill(reference);
  await page.getByLabel('Adresse e-mail de la commande').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de suivi' }).click();
  // Within the form: Next's route announcer is an (empty) alert of its own.
  const form = page.getByRole('form', { name: 'Suivre une commande' });
  const answer = form.getByRole('status').or(form.getByRole('alert')).first();
  await expect(answer).toBeVisible();
  return (await answer.textContent()) ?? '';
}

let reference = '';
let email = '';
let token = '';

test('after a purchase, the confirmation is in the outbox with a tracking link; the link follows the order to its dispatch', async ({
  browser,
  page,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  email = uniqueEmail('suivi');
  // A context of its own: axe analyses pages opened from a context, not from browser.newPage().
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await addToCart(reader, book!.ean);
  await reader.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(reader, { email });
  const sessionId = await placeOrder(reader);
  await payWithCard(reader, '4242 4242 4242 4242');
  reference = await expectPaidConfirmation(reader, sessionId);

  const confirmation = await sentEmail(db, reference, 'order_confirmation');
  expect(confirmation.toAddress).toBe(email);
  expect(confirmation.text).toContain(`Commande n° ${reference}`);
  expect(confirmation.text).toContain('Formulaire de rétractation');
  token = tokenIn(confirmation.text)!;
  expect(token).toBeDefined();

  await reader.goto(`/suivi/${token}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Commande ${reference}`);
  await expect(reader.getByText(/^Statut :/)).toHaveText('Statut : payée');
  await expect(reader.getByRole('table', { name: 'Livres, frais de livraison et TVA' })).toContainText(book!.title);
  await expect(reader.getByRole('main')).toContainText('Le nom de la rue est masqué');
  await expect(reader.getByRole('main')).not.toContainText('12 rue Soufflot');
  const axe = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Staff prepare and ship it.
  await logIn(page, await createStaff(db, 'libraire', 'Hélène Roux'));
  await page.goto(`/admin/commandes/${reference}`);
  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');
  await page.getByLabel('Transporteur').selectOption({ label: 'Colissimo' });
  await page.getByLabel('Numéro de suivi').fill('6A 1234 5678 901');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(feedback(page)).toHaveText('Commande expédiée.');

  await reader.reload();
  await expect(reader.getByText(/^Statut :/)).toHaveText('Statut : expédiée');
  await expect(reader.getByRole('link', { name: 'Suivre le colis sur le site de Colissimo' })).toHaveAttribute(
    'href',
    'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
  );
  const shipped = await sentEmail(db, reference, 'shipped');
  expect(shipped.text).toContain('Transporteur : Colissimo, numéro de suivi 6A12345678901.');
  expect(shipped.text).toContain('https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901');
  // Its own link opens the same order; the first one still does.
  const second = tokenIn(shipped.text)!;
  expect(second).not.toBe(token);
  await reader.goto(`/suivi/${second}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Commande ${reference}`);

  // The invoice, a printable page.
  await reader.getByRole('link', { name: 'Facture (page imprimable)' }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Facture et avoirs');
  await expect(reader.getByRole('heading', { level: 2 }).first()).toHaveText(/^Facture F\d{4}-\d{6}$/);
  await expect(reader.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeVisible();

  // Staff read both in the outbox.
  await page.goto('/admin/emails');
  const rows = page.getByRole('row').filter({ hasText: reference });
  await expect(rows.filter({ hasText: 'Confirmation de commande' })).toContainText('envoyé');
  await expect(rows.filter({ hasText: 'Commande expédiée' })).toContainText('envoyé');
  await readerContext.close();
});

test('the distributor announces a later date: staff record it, the customer gets the "Nouveau délai" e-mail and sees it', async ({
  browser,
  page,
  db,
}) => {
  const [book] = await booksFromSupplier(db, 1);
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await addToCart(reader, book!.ean);
  await reader.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(reader, { email: uniqueEmail('delai') });
  const sessionId = await placeOrder(reader);
  await payWithCard(reader, '4242 4242 4242 4242');
  const delayed = await expectPaidConfirmation(reader, sessionId);
  const { rows } = await db.query<{ promised: string; announced: string }>(
    `SELECT to_char("deliveryLatestOn", 'YYYY-MM-DD') AS "promised",
            to_char((now() AT TIME ZONE 'Europe/Paris')::date + 45, 'YYYY-MM-DD') AS "announced"
       FROM "Order" WHERE "reference" = $1`,
    [delayed],
  );
  const { promised, announced } = rows[0]!;

  await logIn(page, await createStaff(db, 'libraire', 'Marc Delay'));
  await page.goto(`/admin/commandes/${delayed}`);
  const form = page.getByRole('form', { name: `Nouveau délai du distributeur : ${book!.title}` });
  await form.getByLabel('Nouvelle date annoncée par le distributeur').fill(announced);
  await form.getByRole('button', { name: 'Enregistrer le nouveau délai' }).click();
  await expect(feedback(page)).toHaveText('Nouveau délai enregistré : le client est prévenu par e-mail.');
  await expect(page.getByRole('main')).toContainText('(date annoncée par le distributeur)');
  await expect(page.getByRole('main')).toContainText('Nouveau délai du distributeur');
  await expectNoAxeViolation(page);

  const email = await sentEmail(db, delayed, 'delayed');
  expect(email.text).toContain(`Une partie de votre commande n° ${delayed} vient du distributeur`);
  expect(email.text).toContain(book!.title);
  const { rows: after } = await db.query<{ latest: string }>(
    `SELECT to_char("deliveryLatestOn", 'YYYY-MM-DD') AS "latest" FROM "Order" WHERE "reference" = $1`,
    [delayed],
  );
  expect(after[0]!.latest > announced && announced > promised).toBe(true);
  // The customer's page counts from the new date too.
  const latestText = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${after[0]!.latest}T12:00:00Z`));
  expect(email.text).toContain(latestText);
  await reader.goto(`/suivi/${tokenIn(email.text)}`);
  await expect(reader.getByRole('main')).toContainText(latestText);
  await readerContext.close();
});

test('the lookup form answers the same for a right pair, a wrong e-mail and a wrong number; only the right pair gets a link', async ({
  page,
  db,
}) => {
  const answers = [
    await lookUp(page, reference, email),
    await lookUp(page, reference, 'quelqu.un.d.autre@exemple.fr'),
    await lookUp(page, 'LF-ZZZZZZZZ', email),
    await lookUp(page, reference.toLowerCase().replace('-', '- '), email.toUpperCase()),
  ];
  expect(new Set(answers)).toEqual(
    new Set(['Si cette commande existe, nous venons d’envoyer un lien de suivi à l’adresse indiquée.']),
  );
  const link = await sentEmail(db, reference, 'tracking_link');
  expect(link.toAddress).toBe(email);
  // One link e-mail: the wrong pairs owed nothing, and the same order asked twice within the minute is one e-mail.
  expect((await emailsOf(db, reference)).filter((e) => e.kind === 'tracking_link')).toHaveLength(1);
  await page.goto(`/suivi/${tokenIn(link.text)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Commande ${reference}`);

  // A malformed pair is told what is wrong, in French, and says nothing about orders.
  const malformed = await lookUp(page, 'pas un numéro', 'pas-un-email');
  expect(malformed).toBe('Vérifiez les champs signalés.');
  await expect(page.getByText('Numéro de commande invalide (exemple : LF-7K3P9QXW).')).toBeVisible();
});

test('30 rapid lookups from one client: the first ones are answered, the rest are slowed', async ({ page }) => {
  const action = discoverActions().find((a) => a.name === 'requestTrackingLinkAction')!;
  const bodies: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const response = await postAction(page.request, action, '/suivi', {
      reference: 'LF-ZZZZZZZZ',
      email: `robot${i}@exemple.fr`,
    });
    expect(response.status()).toBeLessThan(500);
    bodies.push(await response.text());
  }
  const answered = bodies.filter((body) => body.includes('Si cette commande existe')).length;
  const slowed = bodies.filter((body) => body.includes('Trop de demandes : réessayez dans')).length;
  expect(answered).toBe(10);
  expect(slowed).toBe(20);
});

test('a forged, malformed or expired link gives the same 404 as an unknown one', async ({ page, db }) => {
  const notFound = async (path: string) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    return page.getByRole('heading', { level: 1 }).textContent();
  };
  const unknown = await notFound(`/suivi/${'A'.repeat(43)}`);
  const forged = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`;
  expect(await notFound(`/suivi/${forged}`)).toBe(unknown);
  expect(await notFound('/suivi/abc')).toBe(unknown);
  expect(await notFound(`/suivi/${'x'.repeat(5000)}`)).toBe(unknown);
  expect(await notFound(`/suivi/${forged}/facture`)).toBe(unknown);
  expect(await notFound(`/suivi/${forged}/retractation`)).toBe(unknown);

  const { rows: saved } = await db.query<{ id: number; expiresAt: Date }>(
    `SELECT t."id", t."expiresAt" FROM "TrackingToken" t JOIN "Order" o ON o."id" = t."orderId" WHERE o."reference" = $1`,
    [reference],
  );
  await db.query(
    `UPDATE "TrackingToken" SET "expiresAt" = now() - interval '1 second' WHERE "orderId" = (SELECT "id" FROM "Order" WHERE "reference" = $1)`,
    [reference],
  );
  try {
    expect(await notFound(`/suivi/${token}`)).toBe(unknown);
  } finally {
    for (const row of saved)
      await db.query(`UPDATE "TrackingToken" SET "expiresAt" = $2 WHERE "id" = $1`, [row.id, row.expiresAt]);
  }
  const response = await page.goto(`/suivi/${token}`);
  expect(response?.status()).toBe(200);
});

test('the customer withdraws from one copy; staff see it on the order, the acknowledgement is in the outbox', async ({
  page,
  db,
}) => {
  await page.goto(`/suivi/${token}`);
  await page.getByRole('main').getByRole('link', { name: 'Renoncer au contrat ici' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rétractation');
  const form = page.getByRole('form', { name: 'Déclarer une rétractation' });
  await form.getByRole('radio', { name: /Certains livres seulement/ }).check();
  await form.getByLabel(/\(au plus 1\)$/).fill('1');
  await form.getByLabel('Vos nom et prénom').fill('Camille Lecteur');
  await form.getByLabel('Motif (facultatif)').fill('Reçu en cadeau');
  await form.getByRole('button', { name: 'Vérifier ma déclaration' }).click();
  // Shown back before anything is recorded; "Modifier" keeps what was typed.
  const review = page.getByRole('form', { name: 'Confirmer la rétractation' });
  await expect(review).toContainText('Je soussigné(e) Camille Lecteur');
  expect(
    await db.query('SELECT 1 FROM "Withdrawal" w JOIN "Order" o ON o."id" = w."orderId" WHERE o."reference" = $1', [
      reference,
    ]),
  ).toMatchObject({ rowCount: 0 });
  await review.getByRole('button', { name: 'Modifier ma déclaration' }).click();
  await expect(form.getByLabel('Motif (facultatif)')).toHaveValue('Reçu en cadeau');
  await form.getByRole('button', { name: 'Vérifier ma déclaration' }).click();
  await expectNoAxeViolation(page);
  await review.getByRole('button', { name: 'Confirmer la rétractation' }).click();
  await expect(page.getByRole('status')).toContainText('Votre rétractation est enregistrée le ');
  await expect(page.getByRole('status')).toContainText('pour 1 exemplaire');

  const acknowledgement = await sentEmail(db, reference, 'withdrawal_received');
  // Art. D221-5: the content of the declaration, and the date and time it was sent.
  expect(acknowledgement.text).toMatch(
    /envoyée le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(heure de Paris\), au nom de Camille Lecteur/,
  );
  expect(acknowledgement.text).toContain('Motif indiqué : Reçu en cadeau');
  expect(acknowledgement.text).toContain('Renvoyez-nous ces livres');

  // Declared again: nothing left to withdraw, said in French.
  await page.goto(`/suivi/${token}/retractation`);
  await expect(page.getByRole('status')).toContainText('déjà enregistrée pour tous les livres');

  const admin = await createStaff(db, 'libraire');
  await logIn(page, admin);
  await page.goto(`/admin/commandes/${reference}`);
  await expect(
    page
      .getByRole('region', { name: 'Historique' })
      .getByRole('listitem')
      .filter({ hasText: 'Rétractation déclarée par le client' }),
  ).toContainText('par Client');
});

test('hostile input to the customers’ forms gets a French message or a 4xx, never a 5xx', async ({ page }) => {
  const actions = discoverActions();
  const lookup = actions.find((a) => a.name === 'requestTrackingLinkAction')!;
  const withdraw = actions.find((a) => a.name === 'withdrawalAction')!;
  const cases: Record<string, string>[] = [
    { reference: 'LF-\u0000\u0000', email: 'a@b.fr' },
    { reference: 'x'.repeat(10_000), email: 'y'.repeat(10_000) },
    { reference: '<script>alert(1)</script>', email: '"><img src=x>@exemple.fr' },
    {},
  ];
  for (const fields of cases) {
    const response = await postAction(page.request, lookup, '/suivi', fields);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).toMatch(/Vérifiez les champs signalés|Trop de demandes/);
  }
  const withdrawals: Record<string, string>[] = [
    { token: 'A'.repeat(43), step: 'confirmer', fullName: 'A B', scope: 'tout' },
    { token: token, step: 'confirmer', fullName: 'A B', scope: 'lignes', 'qty-999999999': '99' },
    { token: token, step: 'verifier', fullName: '', scope: 'n’importe quoi', reason: 'x'.repeat(5000) },
    { token: token, step: 'n’importe quoi', fullName: 'A\u0000B', scope: 'tout' },
    { token: '\u0000', scope: 'tout' },
  ];
  for (const fields of withdrawals) {
    const response = await postAction(page.request, withdraw, `/suivi/${token}/retractation`, fields);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).toMatch(
      /lien de suivi n’est pas valable|Choisissez|Indiquez vos nom|500 caractères|ne fait pas partie|déjà enregistrée|rechargez la page|caractères non autorisés/,
    );
  }
  const huge = await postAction(page.request, lookup, '/suivi', {
    reference: 'x'.repeat(2 * 1024 * 1024),
    email: 'a@b.fr',
  });
  expect(huge.status()).toBe(413);
});
