import { readFile } from 'node:fs/promises';
import { Reader } from 'edifact';
import { adaptedGs1Desadv } from '../lib/edi/fixtures/gs1-desadv';
import { BOOKED_BY_OTHER_SPECS, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { expect, SEED_BOOK, test } from './support/shop';

// EDI with a distributor, as staff use it: a purchase list sent, downloaded as an EANCOM ORDERS
// that another parser reads back; the distributor's DESADV (GS1's published example adapted to the
// list) read at the receiving desk, its lines pre-filled and its differences with the order shown,
// then the reception validated and the stock moved by the ledger; a malformed DESADV refused.

const SUPPLIER_GLN = '3019876000011';
const SHOP_GLN = '3012345000017';

test('a purchase list goes out as EANCOM ORDERS, its DESADV pre-fills the reception', async ({ page, db }) => {
  test.slow();
  // Two books of a distributor other than the seed book's (the stock desk spec orders that one).
  const { rows: books } = await db.query<{ id: number; ean: string; title: string; supplier: string }>(
    `WITH candidates AS (
       SELECT b."id", b."ean", b."title", s."name" AS supplier, b."supplierId",
              count(*) OVER (PARTITION BY b."supplierId") AS n
         FROM "Book" b JOIN "Supplier" s ON s."id" = b."supplierId" JOIN "StockLevel" l ON l."bookId" = b."id"
        WHERE l."reorderThreshold" = 0 AND b."ean" <> ALL($1::text[]) AND s."gln" IS NULL
          AND b."supplierId" <> (SELECT "supplierId" FROM "Book" WHERE "ean" = $2))
     SELECT "id", "ean", "title", supplier FROM candidates
      WHERE n >= 2 AND "supplierId" = (SELECT "supplierId" FROM candidates WHERE n >= 2 ORDER BY "supplierId" LIMIT 1)
      ORDER BY "id" LIMIT 2`,
    [BOOKED_BY_OTHER_SPECS, SEED_BOOK.ean],
  );
  expect(books).toHaveLength(2);
  const supplier = books[0]!.supplier;
  await logIn(page, await createStaff(db, 'admin'));

  // Restocking: a threshold on each book puts them on the distributor's next list.
  for (const book of books) {
    await page.goto(`/admin/stock/${book.ean}`);
    await page.getByLabel('Seuil (0 : pas de réassort automatique)').fill('40');
    await page.getByRole('button', { name: 'Enregistrer le seuil' }).click();
    await expect(feedback(page)).toHaveText('Seuil de réassort : 40 exemplaires.');
  }
  await page.goto('/admin/commandes-fournisseurs');
  const proposal = page.getByRole('form', { name: `Commande proposée pour ${supplier}` });
  await proposal.getByRole('button', { name: `Préparer la commande pour ${supplier}` }).click();
  await expect(page).toHaveURL(/\/admin\/commandes-fournisseurs\/\d+$/);
  const purchaseOrderId = Number(page.url().split('/').at(-1));
  const edifactUrl = `/admin/commandes-fournisseurs/${purchaseOrderId}/edifact`;

  // Not sent yet: no EDI order.
  const draft = await page.request.get(edifactUrl);
  expect(draft.status()).toBe(409);
  expect(await draft.json()).toMatchObject({ error: { code: 'NOT_SENT' } });
  await page.getByRole('button', { name: 'Marquer envoyée' }).click();
  await expect(feedback(page)).toHaveText('Commande marquée envoyée.');

  // The distributor's GLN, then the shop's: each missing one is said in French.
  await page.goto('/admin/catalogue/distributeurs');
  await page.locator('summary', { hasText: supplier }).click();
  const supplierForm = page.getByRole('form', { name: `Modifier ${supplier}` });
  await supplierForm.getByLabel('GLN (commandes EDI)').fill(SUPPLIER_GLN);
  await supplierForm.getByRole('button', { name: `Enregistrer ${supplier}` }).click();
  await expect(feedback(page)).toHaveText(`« ${supplier} » enregistré.`);
  const noShopGln = await page.request.get(edifactUrl);
  expect(noShopGln.status()).toBe(409);
  expect(await noShopGln.json()).toMatchObject({
    error: { code: 'SHOP_GLN_MISSING', message: expect.stringContaining('/admin/reglages') },
  });
  await page.goto('/admin/reglages');
  await page.getByLabel(/^GLN de la librairie/).fill(SHOP_GLN);
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(feedback(page)).toContainText('Réglages enregistrés');

  // The ORDERS, downloaded from the list's page, read by the edifact package: its lines are the list.
  const { rows: list } = await db.query<{ ean: string; quantity: number }>(
    `SELECT b."ean", l."quantity" FROM "PurchaseOrderLine" l JOIN "Book" b ON b."id" = l."bookId"
      WHERE l."purchaseOrderId" = $1 ORDER BY b."sortTitle"`,
    [purchaseOrderId],
  );
  // The list holds the two books, and whatever else that distributor owes the shop's customers
  // (a backorder left by an earlier spec): every line of it goes through the EDI alike.
  expect(list.map((line) => line.ean)).toEqual(expect.arrayContaining(books.map((book) => book.ean)));
  const { rows: titled } = await db.query<{ ean: string; title: string }>(
    `SELECT "ean", "title" FROM "Book" WHERE "ean" = ANY($1::text[])`,
    [list.map((line) => line.ean)],
  );
  await page.goto(`/admin/commandes-fournisseurs/${purchaseOrderId}`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter en EDI (EANCOM ORDERS)' }).click();
  const orders = await readFile((await (await download).path())!, 'latin1');
  const segments = new Reader().parse(orders);
  expect(segments.find((s) => s.name === 'UNH')!.elements[1]).toEqual(['ORDERS', 'D', '96A', 'UN', 'EAN008']);
  expect(segments.find((s) => s.name === 'BGM')!.elements[1]).toEqual([`LF-CF-${purchaseOrderId}`]);
  const ordered = segments.flatMap((s, i) =>
    s.name === 'LIN' ? [{ ean: s.elements[2]![0]!, quantity: Number(segments[i + 1]!.elements[0]![1]) }] : [],
  );
  expect(ordered).toEqual(list);
  const unh = segments.findIndex((s) => s.name === 'UNH');
  const unt = segments.findIndex((s) => s.name === 'UNT');
  expect(segments[unt]!.elements[0]).toEqual([String(unt - unh + 1)]);
  expect(segments.at(-1)!.elements[0]).toEqual(['1']);

  // The distributor's answer: one copy fewer of the first book than ordered.
  const despatchNumber = `DES-E2E-${Date.now()}`;
  const announced = list.map((line, index) => ({ ean: line.ean, quantity: line.quantity - (index === 0 ? 1 : 0) }));
  const desadv = adaptedGs1Desadv({
    lines: announced,
    orderNumber: `LF-CF-${purchaseOrderId}`,
    supplierGln: SUPPLIER_GLN,
    shopGln: SHOP_GLN,
    despatchNumber,
  });
  await page.goto('/admin/receptions/nouvelle');
  const file = page.getByLabel('Avis d’expédition (EDI DESADV ou CSV du distributeur)');
  const read = page.getByRole('button', { name: 'Lire l’avis d’expédition' });
  const deliveries = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Delivery"`)).rows[0]!.n;
  const before = await deliveries();

  // A malformed one first: the segment at fault, in French, and nothing written.
  await file.setInputFiles({
    name: 'desadv-faux.edi',
    mimeType: 'application/EDIFACT',
    buffer: Buffer.from(desadv.replace(`QTY+12:${announced[1]!.quantity}'`, "QTY+12:abc'")),
  });
  await read.click();
  await expect(page.getByText(/^Segment \d+ \(QTY\) : quantité « abc » invalide/)).toBeVisible();
  expect(await deliveries()).toBe(before);

  await file.setInputFiles({ name: 'desadv.edi', mimeType: 'application/EDIFACT', buffer: Buffer.from(desadv) });
  await read.click();
  await expect(page.getByText(new RegExp(`^Avis lu : ${list.length} livres`))).toContainText(
    `commande fournisseur n° ${purchaseOrderId}`,
  );
  await expect(page.getByLabel('Numéro du bon de livraison ou de la facture')).toHaveValue(despatchNumber);
  const titleOf = (ean: string) => titled.find((book) => book.ean === ean)!.title;
  for (const line of announced)
    await expect(page.getByLabel(`Exemplaires reçus de « ${titleOf(line.ean)} »`)).toHaveValue(String(line.quantity));
  const differences = page.getByRole('table', { name: `Écarts avec la commande fournisseur n° ${purchaseOrderId}` });
  await expect(differences.getByRole('row')).toHaveCount(2);
  await expect(differences.getByRole('row').nth(1)).toContainText(titleOf(announced[0]!.ean));
  await expect(differences.getByRole('row').nth(1)).toContainText('moins que commandé');
  expect(await deliveries()).toBe(before);
  await expectNoAxeViolation(page);

  // Validated as any reception: the ledger moves the stock by the copies announced.
  const onHand = async (ean: string) =>
    (
      await db.query<{ onHand: number }>(
        `SELECT l."onHand" FROM "StockLevel" l JOIN "Book" b ON b."id" = l."bookId" WHERE b."ean" = $1`,
        [ean],
      )
    ).rows[0]!.onHand;
  const stockBefore = await Promise.all(announced.map((line) => onHand(line.ean)));
  await page.getByRole('button', { name: 'Valider la réception' }).click();
  await expect(page).toHaveURL(/\/admin\/receptions\/\d+\?enregistree=1$/);
  const deliveryId = Number(new URL(page.url()).pathname.split('/').at(-1));
  const { rows: movements } = await db.query<{ ean: string; quantity: number }>(
    `SELECT b."ean", m."quantity" FROM "StockMovement" m JOIN "Book" b ON b."id" = m."bookId"
      WHERE m."deliveryId" = $1 AND m."reason" = 'DELIVERY' ORDER BY m."id"`,
    [deliveryId],
  );
  expect(movements).toEqual(announced);
  const { rows: delivery } = await db.query<{ noteNumber: string; purchaseOrderId: number }>(
    `SELECT "noteNumber", "purchaseOrderId" FROM "Delivery" WHERE "id" = $1`,
    [deliveryId],
  );
  expect(delivery).toEqual([{ noteNumber: despatchNumber, purchaseOrderId }]);
  // Copies may go to customers waiting for these books (ORDER_ALLOCATION): on hand moves by the ledger.
  for (const [index, line] of announced.entries()) {
    const { rows } = await db.query<{ sum: number }>(
      `SELECT COALESCE(SUM(m."quantity"), 0)::int AS sum FROM "StockMovement" m JOIN "Book" b ON b."id" = m."bookId"
        WHERE b."ean" = $1 AND m."deliveryId" = $2`,
      [line.ean, deliveryId],
    );
    expect(await onHand(line.ean)).toBe(stockBefore[index]! + rows[0]!.sum);
  }
});
