import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { APP_METRICS_URL, metricValue } from './support/metrics';
import { expect, stockOf, test } from './support/shop';

// /admin/etat as a bookseller reads it: a copy that appears on the shelf without a movement in
// the ledger (a row corrupted on purpose, as a hand-typed SQL fix would) is reported with its book
// and the two figures, and left alone; once put back, the book is no longer listed.
test('a corrupted stock row is reported on /admin/etat with its book, and nothing is repaired', async ({
  page,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  const before = await stockOf(db, book!.ean);
  await logIn(page, await createStaff(db, 'libraire'));
  await page
    .getByRole('navigation', { name: 'Arrière-boutique' })
    .getByRole('link', { name: 'État de la boutique' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'État de la boutique' })).toBeVisible();
  await expectNoAxeViolation(page);

  await db.query(`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "bookId" = $1`, [before.bookId]);
  try {
    await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
    await expect(feedback(page)).toContainText(/Vérification faite : \d+ anomalies?\./);
    const section = page.getByRole('region', { name: 'Exemplaires en rayon = somme du registre des mouvements' });
    const row = section.getByRole('row').filter({ hasText: book!.ean });
    await expect(row).toContainText(`en rayon : ${before.onHand + 1} ; somme du registre : ${before.onHand}`);
    await expectNoAxeViolation(page);
    // Prometheus sees it too, from the same check.
    expect(await metricValue(APP_METRICS_URL, 'librairie_invariant_violations', { invariant: 'stock_ledger' })).toBe(
      await page
        .getByRole('row', { name: /Exemplaires en rayon = somme du registre/ })
        .getByRole('cell')
        .first()
        .innerText()
        .then(Number),
    );
    // The link leads to the book's stock, where a count puts it right.
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/admin/stock/${book!.ean}$`));
    expect((await stockOf(db, book!.ean)).onHand).toBe(before.onHand + 1);
  } finally {
    await db.query(`UPDATE "StockLevel" SET "onHand" = "onHand" - 1 WHERE "bookId" = $1`, [before.bookId]);
  }
  await page.goto('/admin/etat');
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await expect(feedback(page)).toContainText('Vérification faite');
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: book!.ean })).toHaveCount(0);
  expect(await metricValue(APP_METRICS_URL, 'librairie_invariant_violations', { invariant: 'stock_ledger' })).toBe(0);
});
