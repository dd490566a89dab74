import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { attachCheckoutSession } from '@/lib/data/buying/checkout';
import type { OnAccountForm } from '@/lib/validation/orders-on-account';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { createTestOrganisation } from '@/scripts/test/fixtures/organisations';
import { createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { openTestDatabase } from '@/scripts/test/test-database';

// Orders on account (docs/decisions/027-orders-on-account.md) on a real PostgreSQL: priced from
// the database for the organisation's buyer only, written with their holds and confirmed in one
// transaction, invoiced at dispatch on the shop's one invoice sequence.
const db = openTestDatabase();
let onAccount: typeof import('./orders-on-account');
let workflow: typeof import('@/lib/data/order-desk/workflow');
let invoices: typeof import('@/lib/data/invoicing/invoices');

beforeAll(async () => {
  onAccount = await import('./orders-on-account');
  workflow = await import('@/lib/data/order-desk/workflow');
  invoices = await import('@/lib/data/invoicing/invoices');
});

const createOrganisation = (options: Parameters<typeof createTestOrganisation>[1] = {}) =>
  createTestOrganisation(db, options);

const form = (organisationId: number, overrides: Partial<OnAccountForm> = {}): OnAccountForm => ({
  organisationId,
  fullName: 'Camille Acquéreuse',
  phone: '',
  deliveryMethod: 'home_delivery',
  purchaseOrderNumber: 'BC-2026-0042',
  engagementNumber: null,
  ...overrides,
});

describe('ordering on account', () => {
  it('prices the cart for the buyer from the database, holds and sells the copies, and waits « à facturer »', async () => {
    const organisation = await createOrganisation();
    const book = await createTestBook(db, { onHand: 5, withSupplier: false, priceCents: 2000 });
    const [cartId] = await createCarts(db, book.id, 1, 3);

    const [offer] = await onAccount.listOnAccountOffers(organisation.buyer.toUpperCase(), cartId!);
    expect(offer).toMatchObject({ organisationId: organisation.id, refusal: null });
    expect(offer!.discountLabel).toBe('Remise libraire 9\u00a0% (loi n° 81-766, art. 3)');
    // 9 % of 20,00 € is 1,80 €: 18,20 € a copy; a library is outside the delivery fee's legal floor.
    expect(offer!.homeDelivery!.lines[0]).toMatchObject({ unitPriceCents: 1820, lineTotalCents: 5460 });
    expect(offer!.homeDelivery!.shipping.legalMinimumCents).toBeNull();
    // The price of the day: the publisher's price changes, the offer follows the database.
    await db.book.update({ where: { id: book.id }, data: { publisherPriceCents: 2200 } });
    const [repriced] = await onAccount.listOnAccountOffers(organisation.buyer, cartId!);
    expect(repriced!.homeDelivery!.lines[0]!.unitPriceCents).toBe(2002);

    const placed = await onAccount.placeOrderOnAccount(
      { email: organisation.buyer },
      cartId!,
      form(organisation.id),
      new Date(),
      `client-${cartId}`,
    );
    if (!placed.ok) throw new Error(placed.message);
    const order = await db.order.findUniqueOrThrow({
      where: { reference: placed.reference },
      select: {
        id: true,
        status: true,
        paidAt: true,
        organisationId: true,
        purchaseOrderNumber: true,
        paymentTermsDays: true,
        customerKind: true,
        stripeSessionId: true,
        totalCents: true,
        addressLine1: true,
        lines: { select: { unitPriceCents: true, quantity: true, fromStockQuantity: true } },
        holds: { select: { status: true } },
      },
    });
    expect(order).toMatchObject({
      status: 'paid',
      paidAt: null,
      organisationId: organisation.id,
      purchaseOrderNumber: 'BC-2026-0042',
      paymentTermsDays: 30,
      customerKind: 'library',
      stripeSessionId: null,
      addressLine1: '12 place du Panthéon',
      lines: [{ unitPriceCents: 2002, quantity: 3, fromStockQuantity: 3 }],
      holds: [{ status: 'consumed' }],
    });
    const stock = await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } });
    expect(stock).toMatchObject({ onHand: 2, held: 0 });
    expect(await db.cartLine.count({ where: { cartId: cartId! } })).toBe(0);
    expect(await db.invoiceOrder.count({ where: { orderId: order.id } })).toBe(0);
    // No consumer confirmation (payment received, withdrawal right): this is a business order.
    expect(await db.emailMessage.count({ where: { orderId: order.id } })).toBe(0);

    // Shipped: invoiced to the organisation, payable by transfer within its 30 days.
    const staff = await createTestStaff(db);
    const actor = { id: staff.id, ip: null };
    const prepared = await workflow.changeOrderStatus(actor, {
      reference: placed.reference,
      version: 0,
      transition: 'prepare',
    });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(await db.invoiceOrder.count({ where: { orderId: order.id } })).toBe(0);
    const shipped = await workflow.changeOrderStatus(actor, {
      reference: placed.reference,
      version: prepared.version,
      transition: 'ship',
      shipment: { carrier: 'colissimo', trackingNumber: '6A12345678901' },
    });
    if (!shipped.ok) throw new Error(shipped.message);
    const [invoice] = await invoices.invoicesOfOrder(order.id);
    expect(invoice).toMatchObject({
      kind: 'invoice',
      totalCents: order.totalCents,
      buyer: { name: organisation.name, siret: organisation.siret },
      paymentTerms: { termsDays: 30, purchaseOrderNumber: 'BC-2026-0042', publicBuyer: true },
    });
    expect(invoice!.lines[0]).toMatchObject({
      quantity: 3,
      unitPriceInclVatCents: 2002,
      discount: { publisherPriceCents: 2200, basisPoints: 900, unitDiscountCents: 198 },
    });
    const issuedOn = invoice!.issuedAt.toISOString().slice(0, 10);
    const due = new Date(`${invoice!.paymentTerms!.dueOn}T00:00:00Z`).getTime();
    expect(Math.round((due - new Date(`${issuedOn}T00:00:00Z`).getTime()) / 86_400_000)).toBeGreaterThanOrEqual(30);
    expect(invoice!.paymentTerms!.penaltyText).toMatch(/R2192-31/);
  });

  it('refuses a buyer of one organisation ordering for another one (a guessed id), and writes nothing', async () => {
    const mine = await createOrganisation();
    const theirs = await createOrganisation();
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1, 1);
    const refused = await onAccount.placeOrderOnAccount(
      { email: mine.buyer },
      cartId!,
      form(theirs.id),
      new Date(),
      `client-${cartId}`,
    );
    expect(refused).toMatchObject({ ok: false, code: 'NOT_A_BUYER' });
    expect(await db.order.count({ where: { cartId: cartId! } })).toBe(0);
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({
      onHand: 2,
      held: 0,
    });
  });

  it('refuses a reader who buys for no organisation, and shows them no organisation price', async () => {
    const organisation = await createOrganisation();
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1, 1);
    const stranger = `lecteur.${randomUUID().slice(0, 8)}@exemple.fr`;
    expect(await onAccount.listOnAccountOffers(stranger, cartId!)).toEqual([]);
    const refused = await onAccount.placeOrderOnAccount(
      { email: stranger },
      cartId!,
      form(organisation.id),
      new Date(),
      `client-${cartId}`,
    );
    expect(refused).toMatchObject({ ok: false, code: 'NOT_A_BUYER' });
    expect(await db.order.count({ where: { cartId: cartId! } })).toBe(0);
  });

  it('asks for the engagement number when the organisation requires one (Chorus Pro)', async () => {
    const organisation = await createOrganisation({ engagementNumberRequired: true });
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1, 1);
    const refused = await onAccount.placeOrderOnAccount(
      { email: organisation.buyer },
      cartId!,
      form(organisation.id),
      new Date(),
      `client-${cartId}`,
    );
    expect(refused).toMatchObject({ ok: false, code: 'ENGAGEMENT_NUMBER_REQUIRED' });
    const placed = await onAccount.placeOrderOnAccount(
      { email: organisation.buyer },
      cartId!,
      form(organisation.id, { engagementNumber: 'EJ-1002003004' }),
      new Date(),
      `client-${cartId}`,
    );
    expect(placed.ok).toBe(true);
  });

  it('a company pays the legal minimum delivery fee and its discount goes to delivery (art. 1, arrêté du 4 avril 2023)', async () => {
    const organisation = await createOrganisation({ kind: 'company', discountBasisPoints: 500 });
    const book = await createTestBook(db, { onHand: 2, withSupplier: false, priceCents: 1000 });
    const [cartId] = await createCarts(db, book.id, 1, 1);
    const [offer] = await onAccount.listOnAccountOffers(organisation.buyer, cartId!);
    expect(offer!.homeDelivery!.lines[0]!.unitPriceCents).toBe(1000);
    expect(offer!.homeDelivery!.shipping.legalMinimumCents).toBe(300);
    expect(offer!.shopPickup!.lines[0]!.unitPriceCents).toBe(950);
  });
});

describe('invoices of orders on account', () => {
  it('200 orders on account placed and shipped from two app instances, among card payments: one sequence, no gap', async () => {
    const organisation = await createOrganisation();
    const book = await createTestBook(db, { onHand: 300, withSupplier: false, priceCents: 1500 });
    const carts = await createCarts(db, book.id, 200, 1);
    const place = carts.map((cartId) => ({ email: organisation.buyer, cartId, form: form(organisation.id) }));
    // Busy (the pool or a lock's wait ran out) is posted again, as the buyer would.
    const timings: string[] = [];
    let toPlace = place;
    for (let round = 0; toPlace.length > 0 && round < 10; round += 1) {
      const halves = [0, 1].map((half) => toPlace.filter((_, index) => index % 2 === half));
      const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
        { kind: 'on_account', items: halves[0]! },
        { kind: 'on_account', items: halves[1]! },
      ]);
      timings.push(`placed ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`);
      const failures = runs.flatMap((run) => run.results).filter((result) => !result.ok);
      expect(failures.filter((result) => !result.ok && result.code !== 'BUSY')).toEqual([]);
      toPlace = halves.flatMap((items, run) => items.filter((_, i) => !runs[run]!.results[i]!.ok));
    }
    expect(toPlace).toEqual([]);
    const orders = await db.order.findMany({
      where: { cartId: { in: carts } },
      select: { id: true, reference: true, version: true, status: true },
    });
    expect(orders).toHaveLength(200);
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({
      onHand: 100,
      held: 0,
    });

    const staff = await createTestStaff(db);
    const actor = { id: staff.id, ip: null };
    const prepared = [];
    for (const order of orders) {
      const result = await workflow.changeOrderStatus(actor, {
        reference: order.reference,
        version: order.version,
        transition: 'prepare',
      });
      if (!result.ok) throw new Error(result.message);
      prepared.push({ reference: order.reference, version: result.version });
    }
    // Readers paying by card at the same time: their invoices take numbers from the same counter.
    const readers = [];
    for (let i = 0; i < 20; i += 1) {
      const { order } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
      const sessionId = `cs_test_on_account_${order.reference}`;
      await attachCheckoutSession(order.id, sessionId, `https://pay.example/${sessionId}`);
      readers.push({ id: order.id, reference: order.reference, sessionId });
    }
    const ship = prepared.map((item) => ({
      ...item,
      transition: 'ship' as const,
      shipment: { carrier: 'colissimo' as const, trackingNumber: `6A${item.reference.slice(3)}` },
    }));
    let pending = { ship, pay: readers.map(({ reference, sessionId }) => ({ reference, sessionId })) };
    for (let round = 0; pending.ship.length + pending.pay.length > 0 && round < 10; round += 1) {
      const halves = [0, 1].map((half) => ({
        ship: pending.ship.filter((_, index) => index % 2 === half),
        pay: pending.pay.filter((_, index) => index % 2 === half),
      }));
      const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
        { kind: 'status', actor, items: halves[0]!.ship },
        { kind: 'status', actor, items: halves[1]!.ship },
        { kind: 'pay', items: halves[0]!.pay },
        { kind: 'pay', items: halves[1]!.pay },
      ]);
      timings.push(`shipped and paid ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`);
      const retry = <T>(items: T[], run: number) => items.filter((_, i) => !runs[run]!.results[i]!.ok);
      const failures = runs.flatMap((run) => run.results).filter((result) => !result.ok);
      // Busy (the pool or a lock's wait ran out) is retried, as a member of staff or Stripe would.
      expect(failures.filter((result) => !result.ok && result.code !== 'BUSY')).toEqual([]);
      pending = {
        ship: [...retry(halves[0]!.ship, 0), ...retry(halves[1]!.ship, 1)],
        pay: [...retry(halves[0]!.pay, 2), ...retry(halves[1]!.pay, 3)],
      };
    }
    expect(pending).toEqual({ ship: [], pay: [] });

    const invoiced = await db.invoice.findMany({
      where: { orders: { some: { orderId: { in: [...orders, ...readers].map((order) => order.id) } } } },
      select: { number: true, paymentTerms: true, dueOn: true },
    });
    expect(invoiced).toHaveLength(220);
    expect(invoiced.filter((invoice) => invoice.paymentTerms !== null && invoice.dueOn !== null)).toHaveLength(200);
    const year = new Date().getUTCFullYear();
    const sequence = await db.invoice.findMany({
      where: { series: 'F', year },
      orderBy: { sequence: 'asc' },
      select: { sequence: true },
    });
    expect(sequence.map((row) => row.sequence)).toEqual(sequence.map((_, index) => index + 1));
    console.log(`200 orders on account × 2 instances: ${timings.join('; ')}`);
  }, 180_000);
});
