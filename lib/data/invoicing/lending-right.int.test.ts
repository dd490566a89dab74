import { beforeAll, describe, expect, it } from 'vitest';
import { placeTestOrderOnAccount } from '@/scripts/test/fixtures/orders-on-account';
import { createTestOrganisation } from '@/scripts/test/fixtures/organisations';
import { openTestDatabase } from '@/scripts/test/test-database';

// The lending-right declaration (CPI L133-3) on a real PostgreSQL: the invoices of orders on
// account shipped to a library, at the books' public price of the day of sale; a company's are not
// declared.
const db = openTestDatabase();
let lendingRight: typeof import('./lending-right');

beforeAll(async () => {
  lendingRight = await import('./lending-right');
});

/** An order on account of `copies` copies at 20,00 €, shipped: its invoice's number. */
async function shippedOrder(organisation: { id: number; buyer: string }, copies: number): Promise<string> {
  const order = await placeTestOrderOnAccount(db, organisation, { copies, purchaseOrderNumber: 'BC-DP-1', ship: true });
  const invoice = await db.invoice.findFirstOrThrow({
    where: { kind: 'invoice', orders: { some: { orderId: order.id } } },
    select: { number: true },
  });
  return invoice.number;
}

describe('the lending-right declaration', () => {
  it('declares a library’s invoice at the public price, and not a company’s', async () => {
    const library = await createTestOrganisation(db);
    const company = await createTestOrganisation(db, { kind: 'company', discountBasisPoints: 500 });
    const libraryInvoice = await shippedOrder(library, 3);
    const companyInvoice = await shippedOrder(company, 2);
    const year = Number(libraryInvoice.slice(1, 5));

    const declaration = await lendingRight.lendingRightDeclaration(year);
    const numbers = declaration.rows.map((row) => row.number);
    expect(numbers).not.toContain(companyInvoice);
    const row = declaration.rows.find((candidate) => candidate.number === libraryInvoice);
    // Paid 18,20 € a copy (9 % off), declared at the public 20,00 €: 3 × 20,00 € / 1.055 = 56,87 €;
    // 6 % of it: 3,41 €.
    expect(row).toMatchObject({
      kind: 'invoice',
      library: { name: library.name, siret: library.siret, city: 'Paris' },
      copies: 3,
      publicPriceExclVatCents: 5687,
      dueCents: 341,
    });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { number: libraryInvoice } });
    expect(row!.invoicedInclVatCents).toBe(invoice.totalCents);
    // The year's total is 6 % of the sum of the declared bases.
    const base = declaration.rows.reduce((sum, each) => sum + each.publicPriceExclVatCents, 0);
    expect(declaration.totals.publicPriceExclVatCents).toBe(base);
    expect(declaration.totals.dueCents).toBe(Math.round((base * 6) / 100));
    // Nothing for a year with no invoice.
    expect((await lendingRight.lendingRightDeclaration(2001)).rows).toEqual([]);
  });
});
