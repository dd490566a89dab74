import type pg from 'pg';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, ledgerOf, logIn } from './support/admin';
import {
  addToCart,
  expect,
  expectPaidConfirmation,
  fillCheckout,
  payWithCard,
  placeOrder,
  SEED_BOOK,
  stockOf,
  test,
  uniqueEmail,
} from './support/shop';

// The booksellers' stock desk as staff use it: a reader's backorder goes
// onto the distributor's purchase list, the delivery is received by typing the EAN, the copy goes
// to the reader's order and the rest to the shelf; an inventory count; a malformed count file.

/** Copies of the book that paid orders still wait for (lines not fully served). */
async function awaitedCopies(db: pg.Pool, ean: string): Promise<number> {
  const { rows } = await db.query<{ awaited: number }>(
    `SELECT COALESCE(SUM(l."backorderQuantity" - l."receivedQuantity"), 0)::int AS awaited
       FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."ean" = $1 AND o."status" = 'paid' AND l."backorderQuantity" > l."receivedQuantity"`,
    [ean],
  );
  return rows[0]?.awaited ?? 0;
}

test('a backorder goes on the purchase list, the delivery serves it first, the rest goes to the shelf', async ({
  page,
  db,
}) => {
  // A purchase, then the whole desk: three times the default timeout on a loaded machine.
  test.slow();
  expect((await stockOf(db, SEED_BOOK.ean)).onHand, 'the seed book starts with no copy').toBe(0);
  const reader = await page.context().browser()!.newPage();
  await addToCart(reader, SEED_BOOK.ean);
  await reader.getByRole('link', { name: 'Passer commande' }).click();
  await fillCheckout(reader, { email: uniqueEmail('reassort') });
  const sessionId = await placeOrder(reader);
  await payWithCard(reader, '4242 4242 4242 4242');
  const reference = await expectPaidConfirmation(reader, sessionId);
  // Orders placed by earlier specs wait too; they are older, so they are served first.
  const waitingBefore = (await awaitedCopies(db, SEED_BOOK.ean)) - 1;

  const { rows } = await db.query<{ name: string }>(
    `SELECT s."name" FROM "Book" b JOIN "Supplier" s ON s."id" = b."supplierId" WHERE b."ean" = $1`,
    [SEED_BOOK.ean],
  );
  const supplier = rows[0]!.name;
  await logIn(page, await createStaff(db, 'libraire'));

  // The purchase list proposes the awaited copy under the seed book's distributor.
  await page
    .getByRole('navigation', { name: 'Arrière-boutique' })
    .getByRole('link', { name: 'Commandes fournisseurs' })
    .click();
  const proposal = page.getByRole('form', { name: `Commande proposée pour ${supplier}` });
  const quantity = proposal.getByLabel(`Exemplaires de « ${SEED_BOOK.title} » à commander`);
  await expect(quantity).toHaveValue(String(waitingBefore + 1));
  await proposal.getByRole('button', { name: `Préparer la commande pour ${supplier}` }).click();
  await expect(page).toHaveURL(/\/admin\/commandes-fournisseurs\/\d+$/);
  const purchaseOrderId = Number(page.url().split('/').at(-1));
  await page.getByRole('button', { name: 'Marquer envoyée' }).click();
  await expect(feedback(page)).toHaveText('Commande marquée envoyée.');
  await expectNoAxeViolation(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('envoyée');
  const csv = await page.request.get(`/admin/commandes-fournisseurs/${purchaseOrderId}/csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(SEED_BOOK.ean);

  // Receiving against it: the EAN typed then Enter, as a scanner does, with 3 copies.
  await page.getByRole('link', { name: 'Réceptionner cette commande' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/receptions/nouvelle\\?commande=${purchaseOrderId}$`));
  await page.getByLabel('Numéro du bon de livraison ou de la facture').fill(`BL-E2E-${Date.now()}`);
  const scan = page.getByLabel('EAN (scannez, ou tapez puis Entrée)');
  await scan.fill('9782296013682');
  await scan.press('Enter');
  await expect(page.locator('#scan-result')).toContainText('clé de contrôle');
  await expectNoAxeViolation(page);
  const received = 3 + waitingBefore;
  await page.getByLabel('Exemplaires', { exact: true }).fill(String(received));
  await scan.fill(SEED_BOOK.ean);
  await scan.press('Enter');
  await expect(page.getByLabel(`Exemplaires reçus de « ${SEED_BOOK.title} »`)).toHaveValue(String(received));
  await expect(scan).toBeFocused();
  await page.getByRole('button', { name: 'Valider la réception' }).click();
  await expect(page).toHaveURL(/\/admin\/receptions\/\d+\?enregistree=1$/);
  await expect(page.getByText(/^Réception enregistrée/)).toHaveText(
    `Réception enregistrée : ${received} exemplaires, dont ${received - 2} pour des commandes clients et 2 en rayon.`,
  );
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await expectNoAxeViolation(page);

  // The reader's order is served and ready to prepare; 2 copies on the shelf.
  const { rows: lines } = await db.query<{ receivedQuantity: number; status: string }>(
    `SELECT l."receivedQuantity", o."status" FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE o."reference" = $1`,
    [reference],
  );
  expect(lines).toEqual([{ receivedQuantity: 1, status: 'paid' }]);
  expect((await stockOf(db, SEED_BOOK.ean)).onHand).toBe(2);
  await page.goto(`/admin/commandes?etape=a-preparer&q=${reference}`);
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await page.goto(`/admin/commandes-fournisseurs/${purchaseOrderId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('reçue');

  // Readers see it in stock at once.
  await reader.goto(`/livre/${SEED_BOOK.ean}`);
  await expect(
    reader
      .getByRole('main')
      .getByText(/^En stock/)
      .first(),
  ).toBeVisible();
  await reader.close();

  // The book's ledger: the delivery and the allocation, each with its document.
  await page.goto(`/admin/stock/${SEED_BOOK.ean}`);
  const ledger = page.getByRole('table', { name: 'Mouvements de stock' });
  const rowsOf = (reason: string) =>
    ledger.getByRole('row').filter({ has: page.getByRole('rowheader', { name: reason, exact: true }) });
  await expect(rowsOf('Réception').first()).toContainText(`+${received}`);
  // The allocation's document is the delivery; the order it went to is in the database.
  await expect(rowsOf('Attribué à une commande client').first()).toContainText('−1');
  expect(await ledgerOf(db, reference)).toEqual([{ ean: SEED_BOOK.ean, quantity: -1, reason: 'ORDER_ALLOCATION' }]);
  await expectNoAxeViolation(page);

  // Two copies found damaged: a manual adjustment, which also puts the seed book back as the
  // other specs expect it (nothing on the shelf).
  await page.getByLabel('Motif').selectOption({ label: 'Casse (exemplaire abîmé retiré)' });
  await page.getByLabel('Exemplaires', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Enregistrer l’ajustement' }).click();
  await expect(feedback(page)).toHaveText('2 exemplaires retirés : 0 exemplaire en stock.');
  await expect(rowsOf('Casse').first()).toContainText('−2');
  expect((await stockOf(db, SEED_BOOK.ean)).onHand).toBe(0);
});

test('an inventory count turns a difference into an adjustment; a malformed file changes nothing', async ({
  page,
  db,
}) => {
  test.slow();
  const [book] = await booksOnShelf(db, 1);
  const before = await stockOf(db, book!.ean);
  await logIn(page, await createStaff(db, 'libraire'));
  await page.goto('/admin/inventaire');
  await page.getByLabel('Nom').fill(`Rayon e2e ${Date.now()}`);
  await page.getByRole('button', { name: 'Commencer l’inventaire' }).click();
  await expect(page).toHaveURL(/\/admin\/inventaire\/\d+$/);
  const countId = Number(page.url().split('/').at(-1));

  // A file with bad lines: nothing is imported, each bad line is listed with its number.
  const file = ['EAN;quantité', `${book!.ean};1`, '9782296013682;2', `${book!.ean};beaucoup`, ''].join('\n');
  const upload = page.getByRole('form', { name: 'Fichier d’un terminal d’inventaire (CSV)' });
  await upload.getByLabel('Fichier d’un terminal d’inventaire (CSV)').setInputFiles({
    name: 'inventaire.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file, 'utf8'),
  });
  await upload.getByRole('button', { name: 'Importer le fichier' }).click();
  const rejected = upload.getByRole('table', { name: 'Lignes refusées' });
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await expect(rejected.getByRole('rowheader')).toHaveText(['3', '4']);
  const { rows: imported } = await db.query(`SELECT 1 FROM "InventoryLine" WHERE "inventoryId" = $1`, [countId]);
  expect(imported).toEqual([]);
  await expectNoAxeViolation(page);

  // One copy fewer on the shelf than the ledger says, typed as a scanner would.
  const scan = page.getByLabel('EAN (scannez, ou tapez puis Entrée)');
  await page.getByLabel('Exemplaires', { exact: true }).fill(String(before.onHand - 1));
  await scan.fill(book!.ean);
  await scan.press('Enter');
  await expect(page.getByRole('list', { name: 'Derniers comptages' })).toContainText(`« ${book!.title} »`);
  await page.reload();
  const row = page.getByRole('table', { name: 'Livres comptés' }).getByRole('row', { name: new RegExp(book!.ean) });
  await expect(row).toContainText('−1');

  await page.getByLabel('Je confirme : chaque écart devient un ajustement « inventaire »').check();
  await page.getByRole('button', { name: 'Valider l’inventaire' }).click();
  await expect(feedback(page)).toContainText('Inventaire validé : 1 ajustement');
  expect((await stockOf(db, book!.ean)).onHand).toBe(before.onHand - 1);
  const { rows: movements } = await db.query(
    `SELECT "quantity", "reason" FROM "StockMovement" WHERE "inventoryId" = $1`,
    [countId],
  );
  expect(movements).toEqual([{ quantity: -1, reason: 'INVENTORY' }]);
  await expectNoAxeViolation(page);
});
