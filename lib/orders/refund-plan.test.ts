import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fullRefundRequest,
  planRefund,
  splitRefundedCopies,
  type RefundableOrder,
  type RefundRequest,
} from './refund-plan';

// Two lines (2 × 10,00 € and 1 × 24,50 €) and 4,90 € of delivery: 49,40 € paid.
const ORDER: RefundableOrder = {
  status: 'paid',
  totalCents: 4940,
  shippingCents: 490,
  spokenForCents: 0,
  spokenForShippingCents: 0,
  lines: [
    { id: 1, title: 'Le service public', quantity: 2, unitPriceCents: 1000, spokenForQuantity: 0 },
    { id: 2, title: 'Droit pénal général', quantity: 1, unitPriceCents: 2450, spokenForQuantity: 0 },
  ],
};

const request = (overrides: Partial<RefundRequest> = {}): RefundRequest => ({
  lines: [],
  shipping: false,
  extraCents: 0,
  reason: 'damaged',
  ...overrides,
});

describe('planRefund', () => {
  it('one copy of a line, at the price it was sold, back on the shelf before shipping', () => {
    expect(planRefund(ORDER, request({ lines: [{ orderLineId: 1, quantity: 1 }] }))).toEqual({
      ok: true,
      plan: {
        amountCents: 1000,
        shippingCents: 0,
        extraCents: 0,
        restock: true,
        lines: [{ orderLineId: 1, quantity: 1, amountCents: 1000 }],
      },
    });
  });

  it('the delivery fee and a free amount', () => {
    const result = planRefund(ORDER, request({ shipping: true, extraCents: 250, reason: 'goodwill' }));
    expect(result).toMatchObject({ ok: true, plan: { amountCents: 740, shippingCents: 490, extraCents: 250 } });
  });

  it('no restock once the parcel left the shop', () => {
    for (const status of ['shipped', 'delivered', 'collected'] as const)
      expect(planRefund({ ...ORDER, status }, request({ lines: [{ orderLineId: 2, quantity: 1 }] }))).toMatchObject({
        ok: true,
        plan: { restock: false },
      });
    expect(
      planRefund({ ...ORDER, status: 'cancelled' }, request({ lines: [{ orderLineId: 2, quantity: 1 }] })),
    ).toMatchObject({
      plan: { restock: true },
    });
  });

  it.each([
    [
      { ...ORDER, status: 'pending_payment' as const },
      request({ extraCents: 100 }),
      'ORDER_NOT_PAID',
      'La commande n’est pas payée : rien à rembourser.',
    ],
    [
      ORDER,
      request(),
      'NOTHING_SELECTED',
      'Choisissez au moins un livre, les frais de livraison ou un montant à rembourser.',
    ],
    [
      ORDER,
      request({ lines: [{ orderLineId: 99, quantity: 1 }] }),
      'UNKNOWN_LINE',
      'Ce livre ne fait pas partie de la commande.',
    ],
    [
      ORDER,
      request({ lines: [{ orderLineId: 1, quantity: 3 }] }),
      'TOO_MANY_COPIES',
      '« Le service public » : 2 exemplaires au plus peuvent encore être remboursés.',
    ],
    [
      { ...ORDER, spokenForCents: 1000, lines: [ORDER.lines[0]!, { ...ORDER.lines[1]!, spokenForQuantity: 1 }] },
      request({ lines: [{ orderLineId: 2, quantity: 1 }] }),
      'TOO_MANY_COPIES',
      '« Droit pénal général » : tous les exemplaires sont déjà remboursés.',
    ],
    [
      ORDER,
      request({
        lines: [
          { orderLineId: 1, quantity: 1 },
          { orderLineId: 1, quantity: 1 },
        ],
      }),
      'UNKNOWN_LINE',
      'Ce livre ne fait pas partie de la commande.',
    ],
    [
      { ...ORDER, spokenForShippingCents: 490, spokenForCents: 490 },
      request({ shipping: true }),
      'SHIPPING_ALREADY_REFUNDED',
      'Les frais de livraison sont déjà remboursés.',
    ],
    [
      { ...ORDER, shippingCents: 0, totalCents: 4450 },
      request({ shipping: true }),
      'SHIPPING_ALREADY_REFUNDED',
      'La livraison était gratuite : rien à rembourser.',
    ],
    [
      ORDER,
      request({ extraCents: 5000 }),
      'MORE_THAN_PAID',
      'Le remboursement (50,00\u00a0€) dépasse ce qui reste payé sur la commande (49,40\u00a0€).',
    ],
    [
      { ...ORDER, spokenForCents: 4940 },
      request({ extraCents: 1 }),
      'NOTHING_LEFT',
      'La commande est déjà entièrement remboursée.',
    ],
    [ORDER, request({ extraCents: -5 }), 'INVALID_AMOUNT', 'Montant invalide.'],
    [
      ORDER,
      request({ lines: [{ orderLineId: 1, quantity: 1.5 }] }),
      'INVALID_QUANTITY',
      'Indiquez un nombre entier d’exemplaires, entre 0 et 99.',
    ],
  ])('refused: %#', (order, asked, code, message) => {
    expect(planRefund(order, asked)).toEqual({ ok: false, code, message });
  });

  it('a full refund takes every copy left and the fee; after a free amount, only what remains', () => {
    const full = fullRefundRequest(ORDER, 'cancellation');
    expect(planRefund(ORDER, full, { wholeRemainder: true })).toMatchObject({
      ok: true,
      plan: { amountCents: 4940, shippingCents: 490, lines: [{ quantity: 2 }, { quantity: 1 }] },
    });
    const afterGesture = { ...ORDER, spokenForCents: 300 };
    expect(
      planRefund(afterGesture, fullRefundRequest(afterGesture, 'cancellation'), { wholeRemainder: true }),
    ).toMatchObject({
      ok: true,
      plan: { amountCents: 4640, lines: [{ quantity: 2 }, { quantity: 1 }] },
    });
  });
});

describe('splitRefundedCopies', () => {
  it.each([
    [{ awaited: 1, soldFromShelf: 2 }, 2, true, { cancelledBackorder: 1, restocked: 1 }],
    [{ awaited: 0, soldFromShelf: 2 }, 2, true, { cancelledBackorder: 0, restocked: 2 }],
    [{ awaited: 0, soldFromShelf: 2 }, 2, false, { cancelledBackorder: 0, restocked: 0 }],
    // Never restock copies that were not sold from the shelf (a hold released before payment).
    [{ awaited: 0, soldFromShelf: 0 }, 1, true, { cancelledBackorder: 0, restocked: 0 }],
  ])('%o, %i copies, restock %s → %o', (line, quantity, restock, expected) => {
    expect(splitRefundedCopies(line, quantity, restock)).toEqual(expected);
  });
});

describe('property: refunds never give back more than was paid', () => {
  it('whatever staff ask, in whatever order', () => {
    const ask = fc.record({
      line1: fc.integer({ min: 0, max: 3 }),
      line2: fc.integer({ min: 0, max: 2 }),
      shipping: fc.boolean(),
      extraCents: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(fc.array(ask, { maxLength: 8 }), (asks) => {
        let order = ORDER;
        for (const a of asks) {
          const result = planRefund(
            order,
            request({
              lines: [
                { orderLineId: 1, quantity: a.line1 },
                { orderLineId: 2, quantity: a.line2 },
              ],
              shipping: a.shipping,
              extraCents: a.extraCents,
            }),
          );
          if (!result.ok) continue;
          order = {
            ...order,
            spokenForCents: order.spokenForCents + result.plan.amountCents,
            spokenForShippingCents: order.spokenForShippingCents + result.plan.shippingCents,
            lines: order.lines.map((line) => ({
              ...line,
              spokenForQuantity:
                line.spokenForQuantity + (result.plan.lines.find((l) => l.orderLineId === line.id)?.quantity ?? 0),
            })),
          };
        }
        expect(order.spokenForCents).toBeLessThanOrEqual(order.totalCents);
        expect(order.spokenForShippingCents).toBeLessThanOrEqual(order.shippingCents);
        for (const line of order.lines) expect(line.spokenForQuantity).toBeLessThanOrEqual(line.quantity);
      }),
    );
  });
});
