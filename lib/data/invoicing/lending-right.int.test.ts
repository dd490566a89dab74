import { beforeAll, describe, expect, it } from 'vitest';
import type { OnAccountForm } from '@/lib/validation/orders-on-account';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { createTestOrganisation } from '@/scripts/test/fixtures/organisations';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';

// The lending-right declaration (CPI L133-3) on a real PostgreSQL: the invoices of orders on
// account shipped to a library, at the books' public price of the day of sale; a company's are not
// declared.
const db = openTestDatabase();
let onAccount: typeof import('@/lib/data/buying/orders-on-account');
let workflow: typeof import('@/lib/data/order-desk/workflow');
let lendingRight: typeof import('./lending-right');

beforeAll(async () => {
  onAccount = await import('@/lib/data/buying/orders-on-account');
  workflow = await import('@/lib/data/order-desk/workflow');
  lendingRight = await import('./lending-right');
});

/** An order on account of `copies` copies at 20,00 €, placed by the organisation's buyer and shipped. */
async function shippedOrder(organisation: { id: number; buyer: string }, copies: number): Promise<string> {
  const book = await createTestBook(db, { onHand: copies, withSupplier: false, priceCents: 2000 });
  const [cartId] = await createCarts(db, book.id, 1, copies);
  const form: OnAccountForm = {
    organisationId: organisation.id,
    fullName: 'Camille Acquéreuse',
    phone: '',
    deliveryMethod: 'home_delivery',
    purchaseOrderNumber: 'BC-DP-1',
    engagementNumber: null,
  };
  const placed = await onAccount.placeOrderOnAccount(
    { email: organisation.buyer },
    cartId!,
    form,
    new Date(),
    `client-${cartId}`,
  );
  if (!placed.ok) throw new Error(placed.message);
  const actor = { id: (await createTestStaff(db)).id, ip: null };
  const prepared = await workflow.changeOrderStatus(actor, {
    reference: placed.reference,
    version: 0,
    transition: 'prepare',
  });
  if (!prepared.ok) throw new Error(prepared.message);
  const shipped = await workflow.changeOrderStatus(actor, {
    reference: placed.reference,
    version: prepared.version,
    transition: 'ship',
    shipment: { carrier: 'colissimo', trackingNumber: '6A12345678901' },
  });
  if (!shipped.ok) throw new Error(shipped.message);
  const invoice = await db.invoice.findFirstOrThrow({
    where: { kind: 'invoice', orders: { some: { order: { reference: placed.reference } } } },
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
