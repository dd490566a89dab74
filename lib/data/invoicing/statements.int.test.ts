import { beforeAll, describe, expect, it } from 'vitest';
import { placeTestOrderOnAccount } from '@/scripts/test/fixtures/orders-on-account';
import { createTestOrganisation } from '@/scripts/test/fixtures/organisations';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';

// Monthly statements (CGI art. 289, I-3) on a real PostgreSQL: an organisation on statements is
// not invoiced at each dispatch; its statement covers its dispatched orders once, one per
// engagement number, on the shop's one invoice sequence, whoever issues it at the same time.
const db = openTestDatabase();
let statements: typeof import('./statements');

beforeAll(async () => {
  statements = await import('./statements');
});

const invoicesOf = (orderId: number) =>
  db.invoiceOrder.findMany({ where: { orderId }, select: { invoice: { select: { number: true } } } });

describe('monthly statements', () => {
  it('cover the dispatched orders once, one invoice per engagement number, totals added', async () => {
    const organisation = await createTestOrganisation(db, { monthlyStatement: true });
    const actor = { id: (await createTestStaff(db)).id, ip: null };
    const first = await placeTestOrderOnAccount(db, organisation, {
      copies: 2,
      purchaseOrderNumber: 'BC-1',
      ship: true,
    });
    const second = await placeTestOrderOnAccount(db, organisation, {
      copies: 1,
      purchaseOrderNumber: 'BC-2',
      ship: true,
    });
    const engaged = await placeTestOrderOnAccount(db, organisation, { copies: 1, ship: true });
    await db.order.update({ where: { id: engaged.id }, data: { engagementNumber: 'EJ-2026-7' } });
    // Not dispatched yet: left for a later statement.
    const waiting = await placeTestOrderOnAccount(db, organisation, { copies: 1 });
    // Shipped without an invoice: the statement will carry it.
    expect(await invoicesOf(first.id)).toEqual([]);
    expect(await statements.countOrdersAwaitingStatement(organisation.id)).toBe(3);

    const issued = await statements.issueStatementsNow(actor, organisation.id);
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.numbers).toHaveLength(2);
    const [plain, withEngagement] = await Promise.all(
      issued.numbers.map((number) =>
        db.invoice.findUniqueOrThrow({
          where: { number },
          select: {
            totalCents: true,
            paymentTerms: true,
            dueOn: true,
            lines: true,
            orders: { select: { orderId: true } },
          },
        }),
      ),
    );
    expect(plain!.orders.map((o) => o.orderId).sort()).toEqual([first.id, second.id].sort());
    expect(plain!.totalCents).toBe(first.totalCents + second.totalCents);
    expect(plain!.paymentTerms).toMatchObject({
      purchaseOrderNumber: 'BC-1, BC-2',
      engagementNumber: null,
      termsDays: 30,
    });
    expect(JSON.stringify(plain!.lines)).toContain(`Commande ${first.reference} (bon n° BC-1)`);
    expect(withEngagement!.orders).toEqual([{ orderId: engaged.id }]);
    expect(withEngagement!.paymentTerms).toMatchObject({ engagementNumber: 'EJ-2026-7' });
    // Consecutive numbers on the shop's one sequence.
    const sequences = issued.numbers.map((number) => Number(number.slice(6)));
    expect(sequences[1]).toBe(sequences[0]! + 1);

    // Nothing twice: a second statement has nothing to cover; the undispatched order waits.
    expect(await statements.issueStatementsNow(actor, organisation.id)).toMatchObject({
      ok: false,
      code: 'NOTHING_TO_INVOICE',
    });
    expect(await invoicesOf(waiting.id)).toEqual([]);

    // One transfer for the statement pays every order it covers.
    const { recordTransfer } = await import('./transfers');
    const paid = await recordTransfer(actor, {
      invoiceNumber: issued.numbers[0]!,
      amountCents: plain!.totalCents,
      receivedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      bankReference: 'VIR RELEVE 1',
    });
    expect(paid).toMatchObject({ ok: true, settled: true });
    const orders = await db.order.findMany({ where: { id: { in: [first.id, second.id, engaged.id] } } });
    expect(
      orders
        .filter((order) => order.paidAt !== null)
        .map((order) => order.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
  });

  it('issued by staff and by the month-end run at once, each order is invoiced once', async () => {
    const organisation = await createTestOrganisation(db, { monthlyStatement: true });
    const actor = { id: (await createTestStaff(db)).id, ip: null };
    const orders = [];
    for (let i = 0; i < 4; i += 1)
      orders.push(await placeTestOrderOnAccount(db, organisation, { copies: 1, ship: true }));
    const results = await Promise.allSettled([
      ...Array.from({ length: 6 }, () => statements.issueStatementsNow(actor, organisation.id)),
      statements.issueMonthEndStatements(new Date()),
      statements.issueMonthEndStatements(new Date()),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    for (const order of orders) expect(await invoicesOf(order.id)).toHaveLength(1);
    const numbers = new Set(
      (await Promise.all(orders.map((order) => invoicesOf(order.id)))).flat().map((row) => row.invoice.number),
    );
    expect(numbers.size).toBe(1);
  });

  it('the daily run issues last month’s statement it missed, and leaves this month’s to its last day', async () => {
    const organisation = await createTestOrganisation(db, { monthlyStatement: true });
    const lastMonth = await placeTestOrderOnAccount(db, organisation, { copies: 1, ship: true });
    const thisMonth = await placeTestOrderOnAccount(db, organisation, { copies: 1, ship: true });
    const now = new Date('2026-12-10T22:55:00Z');
    await db.order.update({ where: { id: lastMonth.id }, data: { dispatchedAt: new Date('2026-11-30T21:00:00Z') } });
    await db.order.update({ where: { id: thisMonth.id }, data: { dispatchedAt: new Date('2026-12-02T09:00:00Z') } });
    await statements.issueMonthEndStatements(now);
    expect(await invoicesOf(lastMonth.id)).toHaveLength(1);
    expect(await invoicesOf(thisMonth.id)).toEqual([]);
    await statements.issueMonthEndStatements(new Date('2026-12-31T22:55:00Z'));
    expect(await invoicesOf(thisMonth.id)).toHaveLength(1);
  });

  it('an organisation invoiced at each dispatch gets its invoice at once, and no statement', async () => {
    const organisation = await createTestOrganisation(db);
    const order = await placeTestOrderOnAccount(db, organisation, { copies: 1, ship: true });
    expect(await invoicesOf(order.id)).toHaveLength(1);
    expect(await statements.countOrdersAwaitingStatement(organisation.id)).toBe(0);
  });
});
