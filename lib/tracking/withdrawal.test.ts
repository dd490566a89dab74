import { describe, expect, it } from 'vitest';
import { checkWithdrawal, planWithdrawal } from './withdrawal';

describe('checkWithdrawal (Code de la consommation, art. L221-18)', () => {
  const lines = [
    { id: 1, quantity: 2, refundedQuantity: 0, withdrawnQuantity: 0 },
    { id: 2, quantity: 1, refundedQuantity: 1, withdrawnQuantity: 0 },
  ];
  it('is open before receipt, with what remains of each line', () => {
    expect(checkWithdrawal({ origin: 'online', status: 'shipped', deliveredAt: null, now: new Date(), lines })).toEqual(
      {
        ok: true,
        lastDay: null,
        lines: [
          { id: 1, max: 2 },
          { id: 2, max: 0 },
        ],
      },
    );
  });
  it('stays open until the 14th day after delivery, and closes after', () => {
    const deliveredAt = new Date('2026-12-01T10:00:00Z');
    const open = checkWithdrawal({
      origin: 'online',
      status: 'delivered',
      deliveredAt,
      now: new Date('2026-12-15T21:00:00Z'),
      lines,
    });
    expect(open).toMatchObject({ ok: true, lastDay: '2026-12-15' });
    const closed = checkWithdrawal({
      origin: 'online',
      status: 'delivered',
      deliveredAt,
      now: new Date('2026-12-16T08:00:00Z'),
      lines,
    });
    expect(closed).toMatchObject({ ok: false, code: 'WITHDRAWAL_PERIOD_OVER' });
  });
  it('refuses a closed order, and an order whose every copy is already withdrawn', () => {
    expect(
      checkWithdrawal({ origin: 'online', status: 'refunded', deliveredAt: null, now: new Date(), lines }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      checkWithdrawal({
        origin: 'online',
        status: 'paid',
        deliveredAt: null,
        now: new Date(),
        lines: [{ id: 1, quantity: 2, refundedQuantity: 0, withdrawnQuantity: 2 }],
      }),
    ).toMatchObject({ ok: false, code: 'NOTHING_TO_WITHDRAW' });
  });
  it('says an order taken at the counter carries no right of withdrawal', () => {
    expect(
      checkWithdrawal({ origin: 'counter', status: 'paid', deliveredAt: null, now: new Date(), lines }),
    ).toMatchObject({
      ok: false,
      code: 'NO_WITHDRAWAL_RIGHT',
    });
  });
});

describe('planWithdrawal', () => {
  const check = {
    ok: true as const,
    lastDay: null,
    lines: [
      { id: 1, max: 2 },
      { id: 2, max: 1 },
    ],
  };
  const titles = new Map([
    [1, 'Droit des contrats'],
    [2, 'Droit public'],
  ]);
  it('withdraws every copy left for the whole order', () => {
    expect(planWithdrawal(check, titles, { scope: 'tout', lines: [] })).toEqual({
      ok: true,
      wholeOrder: true,
      lines: [
        { orderLineId: 1, title: 'Droit des contrats', quantity: 2 },
        { orderLineId: 2, title: 'Droit public', quantity: 1 },
      ],
    });
  });
  it('withdraws the copies chosen, and says when that is the whole order', () => {
    expect(planWithdrawal(check, titles, { scope: 'lignes', lines: [{ orderLineId: 1, quantity: 1 }] })).toEqual({
      ok: true,
      wholeOrder: false,
      lines: [{ orderLineId: 1, title: 'Droit des contrats', quantity: 1 }],
    });
  });
  it.each([
    [[{ orderLineId: 1, quantity: 3 }], 'TOO_MANY_COPIES'],
    [[{ orderLineId: 9, quantity: 1 }], 'UNKNOWN_LINE'],
    [[{ orderLineId: 1, quantity: 0 }], 'NOTHING_CHOSEN'],
  ])('refuses %j (%s)', (lines, code) => {
    expect(planWithdrawal(check, titles, { scope: 'lignes', lines })).toMatchObject({ ok: false, code });
  });
});
