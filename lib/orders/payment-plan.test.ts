import { describe, expect, it } from 'vitest';
import { planPayment, type PaidLine } from './payment-plan';

const line = (overrides: Partial<PaidLine> = {}): PaidLine => ({
  lineId: 1,
  bookId: 10,
  fromStockQuantity: 2,
  backorderQuantity: 0,
  supplierCanSupply: true,
  ...overrides,
});
const stock = (onHand: number, held: number) => new Map([[10, { onHand, held }]]);

describe('planPayment', () => {
  it.each([
    {
      case: 'held copies are sold from the hold',
      lines: [line()],
      holds: [{ id: 7, bookId: 10, quantity: 2 }],
      stock: stock(5, 2),
      expected: {
        kind: 'fulfil',
        backorderedCopies: 0,
        lines: [{ sold: 2, fromHold: true, consumedHoldId: 7, newAllocation: null }],
      },
    },
    {
      case: 'a backorder-only line sells nothing from the shelf',
      lines: [line({ fromStockQuantity: 0, backorderQuantity: 3 })],
      holds: [],
      stock: stock(0, 0),
      expected: {
        kind: 'fulfil',
        backorderedCopies: 0,
        lines: [{ sold: 0, fromHold: false, consumedHoldId: null, newAllocation: null }],
      },
    },
    {
      case: 'expired hold, copies still on the shelf: taken again',
      lines: [line()],
      holds: [],
      stock: stock(4, 1),
      expected: { kind: 'fulfil', backorderedCopies: 0, lines: [{ sold: 2, fromHold: false, newAllocation: null }] },
    },
    {
      case: 'expired hold, one copy left: one taken, one ordered from the distributor',
      lines: [line({ backorderQuantity: 1 })],
      holds: [],
      stock: stock(3, 2),
      expected: {
        kind: 'fulfil',
        backorderedCopies: 1,
        lines: [{ sold: 1, fromHold: false, newAllocation: { fromStock: 1, backorder: 2 } }],
      },
    },
    {
      case: 'expired hold, none left, the distributor has it: all ordered',
      lines: [line()],
      holds: [],
      stock: stock(2, 2),
      expected: {
        kind: 'fulfil',
        backorderedCopies: 2,
        lines: [{ sold: 0, fromHold: false, newAllocation: { fromStock: 0, backorder: 2 } }],
      },
    },
  ])('$case', ({ lines, holds, stock, expected }) => {
    expect(planPayment(lines, holds, stock)).toMatchObject(expected);
  });

  it('refunds the whole order when a line can be served neither from the shelf nor the distributor', () => {
    const held = line({ lineId: 2, bookId: 20 });
    const lost = line({ lineId: 1, bookId: 10, supplierCanSupply: false });
    const plan = planPayment(
      [lost, held],
      [{ id: 9, bookId: 20, quantity: 2 }],
      new Map([[10, { onHand: 1, held: 0 }]]),
    );
    expect(plan).toEqual({ kind: 'refund', reason: 'SOLD_MEANWHILE_NOT_ORDERABLE' });
  });

  it('never sells more copies than are left, whatever the stock row says', () => {
    const plan = planPayment([line({ fromStockQuantity: 3 })], [], stock(1, 5));
    expect(plan).toMatchObject({ kind: 'fulfil', lines: [{ sold: 0, newAllocation: { fromStock: 0, backorder: 3 } }] });
  });
});
