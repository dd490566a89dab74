import { describe, expect, it } from 'vitest';
import { planPreOrderCancellation, planPriceDrops, preOrderLabel, type PreOrderLine } from './pre-order';

const PUBLISHED = new Date('2027-01-15T00:00:00Z');
const line = (extra: Partial<PreOrderLine> = {}): PreOrderLine => ({
  id: 1,
  title: 'Droit des contrats',
  quantity: 2,
  preOrderPublishedOn: PUBLISHED,
  awaited: 2,
  spokenForQuantity: 0,
  unitPriceCents: 3000,
  priceDropPerCopyCents: 0,
  ...extra,
});
const inStock = line({ id: 2, title: 'Code civil', preOrderPublishedOn: null, awaited: 0, quantity: 1 });

describe('preOrderLabel', () => {
  it('says pre-order and the date', () => {
    expect(preOrderLabel(PUBLISHED)).toBe('Précommande — parution le 15/01/2027');
  });
});

describe('planPreOrderCancellation', () => {
  it('cancels the awaited pre-ordered copies; the whole order when nothing else is left', () => {
    expect(planPreOrderCancellation({ status: 'paid', lines: [line()] })).toEqual({
      ok: true,
      lines: [{ orderLineId: 1, title: 'Droit des contrats', quantity: 2 }],
      wholeOrder: true,
    });
  });

  it('keeps the rest of a mixed order (its delivery fee too)', () => {
    const plan = planPreOrderCancellation({ status: 'paid', lines: [line(), inStock] });
    expect(plan).toMatchObject({ ok: true, wholeOrder: false, lines: [{ orderLineId: 1, quantity: 2 }] });
  });

  it('cancels once: copies already being refunded are not cancellable again', () => {
    expect(planPreOrderCancellation({ status: 'paid', lines: [line({ spokenForQuantity: 2 })] })).toMatchObject({
      ok: false,
      code: 'NOTHING_TO_CANCEL',
    });
    expect(planPreOrderCancellation({ status: 'paid', lines: [line({ spokenForQuantity: 1 })] })).toMatchObject({
      ok: true,
      lines: [{ quantity: 1 }],
      wholeOrder: true,
    });
  });

  it('refuses once the copies are received, the order prepared, or not paid', () => {
    expect(planPreOrderCancellation({ status: 'paid', lines: [line({ awaited: 0 })] }).ok).toBe(false);
    expect(planPreOrderCancellation({ status: 'preparing', lines: [line()] }).ok).toBe(false);
    expect(planPreOrderCancellation({ status: 'cancelled', lines: [line()] }).ok).toBe(false);
    expect(planPreOrderCancellation({ status: 'pending_payment', lines: [line()] })).toMatchObject({
      code: 'ORDER_NOT_PAID',
    });
  });

  it('leaves lines that are not pre-orders alone', () => {
    expect(planPreOrderCancellation({ status: 'paid', lines: [inStock] }).ok).toBe(false);
  });
});

describe('planPriceDrops', () => {
  const ids = new Set([1]);
  it('gives back the difference per awaited copy', () => {
    expect(planPriceDrops([line()], ids, 2500)).toEqual([
      { orderLineId: 1, title: 'Droit des contrats', copies: 2, perCopyCents: 500, amountCents: 1000 },
    ]);
  });

  it('gives nothing back on a rise, nor twice for the same price', () => {
    expect(planPriceDrops([line()], ids, 3500)).toEqual([]);
    expect(planPriceDrops([line({ priceDropPerCopyCents: 500 })], ids, 2500)).toEqual([]);
    expect(planPriceDrops([line({ priceDropPerCopyCents: 500 })], ids, 2000)).toMatchObject([{ perCopyCents: 500 }]);
  });

  it('only for this book’s undelivered, unrefunded copies', () => {
    expect(planPriceDrops([line()], new Set([9]), 2500)).toEqual([]);
    expect(planPriceDrops([line({ awaited: 0 })], ids, 2500)).toEqual([]);
    expect(planPriceDrops([line({ spokenForQuantity: 1 })], ids, 2500)).toMatchObject([
      { copies: 1, amountCents: 500 },
    ]);
  });
});
