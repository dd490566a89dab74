import type { Page } from '@playwright/test';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { sentEmail } from './support/outbox';
import { expect, readerBuys, test, uniqueEmail } from './support/shop';
import { pdfText, plain } from './support/pdf-text';

// The invoice and its credit note as a customer gets them (CGI art. 242 nonies A): numbered from
// the shop's sequence, the seller as at the sale, printable and as PDFs whose text says the same
// amounts to the cent (read with poppler's pdftotext).

test.describe.configure({ timeout: 120_000 });

/** Every amount an invoice's article shows, and its number. */
async function amountsOn(page: Page, number: string): Promise<string[]> {
  const article = page.getByRole('article', { name: new RegExp(`^(Facture|Avoir) ${number}`) });
  const text = plain(await article.innerText());
  return [number, ...(text.match(/\d{1,3}(?: \d{3})*,\d{2} €/g) ?? [])];
}

test('a paid order has its numbered invoice, a refund its credit note; each PDF says what its page says, to the cent', async ({
  browser,
  page,
  db,
}) => {
  const [book] = await booksOnShelf(db, 1);
  const email = uniqueEmail('facture');
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  const reference = await readerBuys(reader, [book!.ean], email);
  const confirmation = await sentEmail(db, reference, 'order_confirmation');
  const token = /\/suivi\/([A-Za-z0-9_-]{43})/.exec(confirmation.text ?? '')?.[1];
  expect(token).toBeTruthy();

  // The bookseller refunds it all: a credit note follows the refund Stripe confirms.
  await logIn(page, await createStaff(db, 'libraire', 'Libraire Factures'));
  await page.goto(`/admin/commandes/${reference}`);
  const refundAll = page.getByRole('form', { name: 'Remboursement de tout ce qui reste' });
  await refundAll.getByRole('button', { name: /^Tout rembourser/ }).click();
  await expect(feedback(page)).toContainText('Remboursement de');
  await expect
    .poll(
      async () =>
        (
          await db.query(
            `SELECT 1 FROM "Invoice" i JOIN "InvoiceOrder" io ON io."invoiceId" = i."id" JOIN "Order" o ON o."id" = io."orderId"
              WHERE o."reference" = $1 AND i."kind" = 'credit_note'`,
            [reference],
          )
        ).rowCount,
      { timeout: 30_000, message: 'the credit note of the refund' },
    )
    .toBe(1);

  await reader.goto(`/suivi/${token}/facture`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Facture et avoirs');
  const numbers = (await reader.getByRole('article').getByRole('heading', { level: 2 }).allTextContents()).map(
    (title) => /[FA]\d{4}-\d{6}/.exec(title)![0],
  );
  expect(numbers).toHaveLength(2);
  expect(numbers[0]).toMatch(/^F/);
  expect(numbers[1]).toMatch(/^A/);
  await expect(reader.getByRole('article').nth(1)).toContainText(`sur la facture ${numbers[0]}`);
  await expectNoAxeViolation(reader);

  for (const number of numbers) {
    const response = await reader.request.get(`/suivi/${token}/facture/pdf?numero=${number}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await response.body());
    for (const shown of await amountsOn(reader, number)) expect(text).toContain(shown);
  }
  // Another order's number, or a made-up one, opens nothing through this link.
  expect((await reader.request.get(`/suivi/${token}/facture/pdf?numero=F1999-000001`)).status()).toBe(404);
  await readerContext.close();
});
