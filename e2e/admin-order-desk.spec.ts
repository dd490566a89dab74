import { booksOnShelf, createStaff, feedback, ledgerOf, logIn } from './support/admin';
import { EMULATOR_URL, expect, readerBuys, stockOf, test, uniqueEmail } from './support/shop';

// The booksellers' order desk, end to end: a reader pays, staff run the order from the list to
// the parcel, and a refund goes through Stripe (the local emulator) and back to the shelf once.

// Each test takes books with copies on the shelf (support/admin.ts, booksOnShelf). A purchase
// and a day at the desk per test: three times the default timeout on a loaded machine.
test.describe.configure({ timeout: 90_000 });

test('staff see the order just paid, prepare it and ship it with Colissimo; the timeline names who did each step', async ({
  browser,
  page,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  const readerPage = await browser.newPage();
  const reference = await readerBuys(readerPage, [book!.ean], uniqueEmail('bureau'));
  await readerPage.close();

  const claire = await createStaff(db, 'libraire', 'Claire Dupuis');
  await logIn(page, claire);
  // The barcode scanner types into the search box and presses Enter.
  await page.getByLabel('Numéro de commande, e-mail, nom ou EAN').fill(book!.ean);
  await page.keyboard.press('Enter');
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText('à préparer');
  await expect(page.getByRole('navigation', { name: 'Commandes par étape' })).toContainText(/À préparer \([1-9]\d*\)/);
  await row.getByRole('link', { name: reference }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Commande ${reference}`);
  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');

  // A mistyped number is refused, and what was typed stays there to correct.
  await page.getByLabel('Transporteur').selectOption({ label: 'Colissimo' });
  await page.getByLabel('Numéro de suivi').fill('6A 1234');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Numéro de suivi Colissimo invalide' })).toBeVisible();
  await expect(page.getByLabel('Transporteur')).toHaveValue('colissimo');
  await expect(page.getByLabel('Numéro de suivi')).toHaveValue('6A 1234');
  await page.getByLabel('Numéro de suivi').fill('6A 1234 5678 901');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(feedback(page)).toHaveText('Commande expédiée.');
  await expect(page.getByRole('link', { name: /6A12345678901/ })).toHaveAttribute(
    'href',
    'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
  );

  const timeline = page.getByRole('region', { name: 'Historique' }).getByRole('listitem');
  await expect(timeline.filter({ hasText: 'Commande passée' })).toContainText('par Client');
  await expect(timeline.filter({ hasText: 'Paiement reçu' })).toContainText('par Stripe');
  await expect(timeline.filter({ hasText: 'Statut : payée → en préparation' })).toContainText('par Claire Dupuis');
  const shipped = timeline.filter({ hasText: 'Statut : en préparation → expédiée' });
  await expect(shipped).toContainText('par Claire Dupuis');
  await expect(shipped).toContainText('Colissimo, suivi 6A12345678901');

  const { rows } = await db.query(
    `SELECT "status", "carrier", "trackingNumber", "version" FROM "Order" WHERE "reference" = $1`,
    [reference],
  );
  expect(rows).toEqual([{ status: 'shipped', carrier: 'colissimo', trackingNumber: '6A12345678901', version: 2 }]);
  const { rows: audit } = await db.query(
    `SELECT a."action", s."name" FROM "AuditEntry" a JOIN "Order" o ON o."id" = a."orderId"
       LEFT JOIN "Staff" s ON s."id" = a."staffId" WHERE o."reference" = $1 ORDER BY a."id"`,
    [reference],
  );
  expect(audit).toEqual([
    { action: 'order.status_changed', name: 'Claire Dupuis' },
    { action: 'order.status_changed', name: 'Claire Dupuis' },
  ]);

  // A note for colleagues: on the timeline, and the field empty again for the next one.
  await page.getByRole('textbox', { name: 'Commentaire interne' }).fill('Colis déposé au bureau de poste.');
  await page.getByRole('button', { name: 'Ajouter le commentaire' }).click();
  await expect(feedback(page)).toHaveText('Commentaire ajouté.');
  await expect(timeline.filter({ hasText: 'Colis déposé au bureau de poste.' })).toContainText('par Claire Dupuis');
  await expect(page.getByRole('textbox', { name: 'Commentaire interne' })).toHaveValue('');
});

type EmulatorEvent = {
  id: string;
  state: string;
  deliveries: unknown[];
  event: { data: { object: { payment_intent: string } } };
};

async function refundEventOf(paymentIntentId: string): Promise<EmulatorEvent | undefined> {
  const response = await fetch(`${EMULATOR_URL}/_emulator/events?type=charge.refunded`);
  const { data } = (await response.json()) as { data: EmulatorEvent[] };
  return data.find((e) => e.event.data.object.payment_intent === paymentIntentId);
}

test('one line of a second order is refunded through Stripe; the copy is back on the shelf once, though the webhook came twice', async ({
  browser,
  page,
  db,
}) => {
  const [refunded, kept] = await booksOnShelf(db, 2);
  const before = { refunded: await stockOf(db, refunded!.ean), kept: await stockOf(db, kept!.ean) };
  const readerPage = await browser.newPage();
  const reference = await readerBuys(readerPage, [refunded!.ean, kept!.ean], uniqueEmail('bureau'));
  await readerPage.close();

  const admin = await createStaff(db, 'admin', 'Paul Martin');
  await logIn(page, admin);
  await page.goto(`/admin/commandes/${reference}`);
  const refund = page.getByRole('form', { name: 'Remboursement', exact: true });
  const price = (
    await db.query<{ unitPriceCents: number }>(
      `SELECT l."unitPriceCents" FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId" WHERE o."reference" = $1 AND l."ean" = $2`,
      [reference, refunded!.ean],
    )
  ).rows[0]!.unitPriceCents;
  const amount = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(price / 100);
  await refund.getByLabel(`${refunded!.title} (`).fill('1');
  await refund.getByLabel('Motif').selectOption({ label: 'Livre abîmé' });
  await refund.getByRole('button', { name: 'Rembourser' }).click();
  await expect(feedback(page)).toHaveText(`Remboursement de ${amount} effectué.`);

  // Stripe delivers charge.refunded; then it is delivered a second time (a retry, as Stripe may).
  const { rows } = await db.query<{ stripePaymentIntentId: string }>(
    `SELECT "stripePaymentIntentId" FROM "Order" WHERE "reference" = $1`,
    [reference],
  );
  const paymentIntentId = rows[0]!.stripePaymentIntentId;
  await expect.poll(async () => (await refundEventOf(paymentIntentId))?.state, { timeout: 15_000 }).toBe('delivered');
  const event = (await refundEventOf(paymentIntentId))!;
  expect((await fetch(`${EMULATOR_URL}/_emulator/events/${event.id}/resend`, { method: 'POST' })).status).toBe(202);
  await expect
    .poll(
      async () => {
        const again = await refundEventOf(paymentIntentId);
        return again?.state === 'delivered' ? again.deliveries.length : 0;
      },
      { timeout: 15_000 },
    )
    .toBe(2);

  const ledger = await ledgerOf(db, reference);
  expect(ledger.filter((m) => m.ean === refunded!.ean)).toEqual([
    { ean: refunded!.ean, quantity: -1, reason: 'SALE' },
    { ean: refunded!.ean, quantity: 1, reason: 'SALE_CANCELLED' },
  ]);
  expect(ledger.filter((m) => m.ean === kept!.ean)).toEqual([{ ean: kept!.ean, quantity: -1, reason: 'SALE' }]);
  expect((await stockOf(db, refunded!.ean)).onHand).toBe(before.refunded.onHand);
  expect((await stockOf(db, kept!.ean)).onHand).toBe(before.kept.onHand - 1);
  const { rows: events } = await db.query(`SELECT "outcome" FROM "PaymentEvent" WHERE "id" = $1`, [event.id]);
  expect(events).toHaveLength(1);

  await page.reload();
  const timeline = page.getByRole('region', { name: 'Historique' }).getByRole('listitem');
  await expect(timeline.filter({ hasText: `Remboursement demandé : ${amount} (Livre abîmé)` })).toContainText(
    'par Paul Martin',
  );
  await expect(timeline.filter({ hasText: `Remboursement de ${amount} effectué` })).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Remboursements' })).toContainText('1 remis en rayon');
});

test('malformed input in the order desk’s forms gets a French message, never a server error', async ({
  browser,
  page,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  const readerPage = await browser.newPage();
  const reference = await readerBuys(readerPage, [book!.ean], uniqueEmail('bureau'));
  await readerPage.close();
  const { rows: totals } = await db.query<{ totalCents: number }>(
    `SELECT "totalCents" FROM "Order" WHERE "reference" = $1`,
    [reference],
  );
  const paid = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(
    totals[0]!.totalCents / 100,
  );
  await logIn(page, await createStaff(db, 'libraire'));
  await page.goto(`/admin/commandes/${reference}`);

  await page.getByRole('button', { name: 'Mettre en préparation' }).click();
  await expect(feedback(page)).toHaveText('Commande en préparation.');
  await page.getByLabel('Numéro de suivi').fill('<script>alert(1)</script>');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(page.getByRole('form', { name: 'Expédition' }).getByRole('alert')).toHaveText(
    'Numéro de suivi Colissimo invalide (exemple : 6A12345678901).',
  );

  const refund = page.getByRole('form', { name: 'Remboursement', exact: true });
  await refund.getByLabel('Montant libre en euros (geste commercial, facultatif)').fill('deux euros');
  await refund.getByRole('button', { name: 'Rembourser' }).click();
  await expect(refund.getByRole('alert')).toHaveText('Montant en euros, par exemple 5 ou 2,50.');
  await refund.getByLabel('Montant libre en euros (geste commercial, facultatif)').fill('900');
  await refund.getByRole('button', { name: 'Rembourser' }).click();
  await expect(refund.getByRole('alert')).toHaveText(
    `Le remboursement (900,00\u202f€) dépasse ce qui reste payé sur la commande (${paid}).`,
  );

  // A colleague moved the order on meanwhile: this page's forms are stale.
  await db.query(`UPDATE "Order" SET "version" = "version" + 1 WHERE "reference" = $1`, [reference]);
  await page.getByLabel('Numéro de suivi').fill('6A12345678901');
  await page.getByRole('button', { name: 'Marquer expédiée' }).click();
  await expect(page.getByRole('form', { name: 'Expédition' }).getByRole('alert')).toHaveText(
    'La commande a changé, rechargez la page.',
  );
  const { rows } = await db.query(`SELECT "status" FROM "Order" WHERE "reference" = $1`, [reference]);
  expect(rows).toEqual([{ status: 'preparing' }]);
});
