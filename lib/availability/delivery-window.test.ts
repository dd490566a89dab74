import { describe, expect, it } from 'vitest';

import { estimateDeliveryWindow } from './delivery-window';

const IN_STOCK = { minDays: 0, maxDays: 1 };
const NEXT_DAY = { minDays: 0, maxDays: 0 };
const ONE_DAY_TRANSIT = { minDays: 1, maxDays: 1 };

/** Dispatched on the order day, delivered the next business day. */
function shippedSameDay(now: string) {
  return estimateDeliveryWindow({ now: new Date(now), shipWithin: NEXT_DAY, transit: ONE_DAY_TRANSIT });
}

/** Dispatched within 24 h, default transit (1–2 days). */
function inStock(now: string) {
  return estimateDeliveryWindow({ now: new Date(now), shipWithin: IN_STOCK });
}

function days(window: { earliest: Date; latest: Date }) {
  return [window.earliest.toISOString().slice(0, 10), window.latest.toISOString().slice(0, 10)];
}

describe('estimateDeliveryWindow: cut-off at 14:00 Paris', () => {
  // Monday 7 December 2026, winter time (UTC+1).
  it('counts the order day before 14:00', () => {
    const window = inStock('2026-12-07T12:59:00Z');
    expect(days(window)).toEqual(['2026-12-08', '2026-12-10']);
    expect(window.label).toBe('Livraison estimée entre le mardi 8 et le jeudi 10 décembre');
  });

  it('counts from the next business day from 14:00 on', () => {
    const window = inStock('2026-12-07T13:00:00Z');
    expect(days(window)).toEqual(['2026-12-09', '2026-12-11']);
  });

  it('reads the hour in summer time too (UTC+2)', () => {
    // 12:30 UTC on Tuesday 30 March 2027 is 14:30 in Paris: after the cut-off.
    const after = shippedSameDay('2027-03-30T12:30:00Z');
    expect(after.label).toBe('Livraison estimée le jeudi 1er avril');
    const before = shippedSameDay('2027-03-30T11:30:00Z');
    expect(before.label).toBe('Livraison estimée le mercredi 31 mars');
  });

  it('honours another cut-off hour', () => {
    const window = estimateDeliveryWindow({
      now: new Date('2026-12-07T10:00:00Z'), // 11:00 Paris
      shipWithin: NEXT_DAY,
      transit: ONE_DAY_TRANSIT,
      cutoffHour: 11,
    });
    expect(days(window)).toEqual(['2026-12-09', '2026-12-09']);
  });
});

describe('estimateDeliveryWindow: days off', () => {
  it('counts a weekend order from Monday', () => {
    // Saturday 12 December 2026, 10:00 Paris.
    const window = shippedSameDay('2026-12-12T09:00:00Z');
    expect(days(window)).toEqual(['2026-12-15', '2026-12-15']);
  });

  it('skips the weekend between dispatch and delivery', () => {
    // Friday 11 December 2026, 10:00 Paris.
    const window = shippedSameDay('2026-12-11T09:00:00Z');
    expect(window.label).toBe('Livraison estimée le lundi 14 décembre');
  });

  it('skips Easter Monday 2027 (29 March)', () => {
    // Friday 26 March 2027, 10:00 Paris: shipped that day, not delivered on the Monday.
    const window = shippedSameDay('2027-03-26T09:00:00Z');
    expect(days(window)).toEqual(['2027-03-30', '2027-03-30']);
  });

  it('counts an order on the DST switch day (Sunday 28 March 2027) from after Easter Monday', () => {
    // 10:00 Paris, summer time since 03:00.
    const window = inStock('2027-03-28T08:00:00Z');
    expect(days(window)).toEqual(['2027-03-31', '2027-04-02']);
    expect(window.label).toBe('Livraison estimée entre le mercredi 31 mars et le vendredi 2 avril');
  });

  it('skips Ascension 2027 (Thursday 6 May) but not the Friday after', () => {
    const window = shippedSameDay('2027-05-05T08:00:00Z');
    expect(days(window)).toEqual(['2027-05-07', '2027-05-07']);
  });

  it('skips Whit Monday 2027 (17 May)', () => {
    const window = shippedSameDay('2027-05-14T08:00:00Z');
    expect(days(window)).toEqual(['2027-05-18', '2027-05-18']);
  });

  it('skips 1 May and 8 May when they fall on weekdays (2026)', () => {
    // Thursday 30 April 2026, 10:00 Paris; Friday 1 May is off.
    const mayDay = inStock('2026-04-30T08:00:00Z');
    expect(days(mayDay)).toEqual(['2026-05-04', '2026-05-06']);
    expect(mayDay.label).toBe('Livraison estimée entre le lundi 4 et le mercredi 6 mai');
    // Thursday 7 May 2026; Friday 8 May is off.
    const victoryDay = shippedSameDay('2026-05-07T08:00:00Z');
    expect(days(victoryDay)).toEqual(['2026-05-11', '2026-05-11']);
  });

  it('spans Christmas and the new year, naming both months', () => {
    // Thursday 24 December 2026, 10:00 Paris; 25 December and 1 January are off.
    const now = new Date('2026-12-24T09:00:00Z');
    const window = estimateDeliveryWindow({ now, shipWithin: { minDays: 0, maxDays: 4 } });
    expect(days(window)).toEqual(['2026-12-28', '2027-01-05']);
    expect(window.label).toBe('Livraison estimée entre le lundi 28 décembre et le mardi 5 janvier');
  });
});

describe('estimateDeliveryWindow: to order from the distributor', () => {
  it('adds the supplier lead time and the default Colissimo transit', () => {
    // Monday 7 December 2026, 10:00 Paris; lead time 6–10 business days.
    const now = new Date('2026-12-07T09:00:00Z');
    const window = estimateDeliveryWindow({ now, shipWithin: { minDays: 6, maxDays: 10 } });
    // Dispatch between Tue 15 and Mon 21 December; delivery from Wed 16 to Wed 23.
    expect(days(window)).toEqual(['2026-12-16', '2026-12-23']);
  });

  it('returns the days at noon UTC', () => {
    const window = estimateDeliveryWindow({ now: new Date('2026-12-07T09:00:00Z'), shipWithin: NEXT_DAY });
    expect(window.earliest.toISOString()).toBe('2026-12-08T12:00:00.000Z');
    expect(window.latest.toISOString()).toBe('2026-12-09T12:00:00.000Z');
  });
});

describe('estimateDeliveryWindow: programming errors', () => {
  const now = new Date('2026-12-07T09:00:00Z');

  it.each([
    { minDays: 3, maxDays: 2 },
    { minDays: -1, maxDays: 2 },
    { minDays: 0, maxDays: 1.5 },
    { minDays: 0, maxDays: 100_000 },
  ])('rejects shipWithin %j', (shipWithin) => {
    expect(() => estimateDeliveryWindow({ now, shipWithin })).toThrow(RangeError);
  });

  it('rejects an invalid date and cut-off hour', () => {
    expect(() => estimateDeliveryWindow({ now: new Date('nope'), shipWithin: NEXT_DAY })).toThrow(RangeError);
    expect(() => estimateDeliveryWindow({ now, shipWithin: NEXT_DAY, cutoffHour: 25 })).toThrow(RangeError);
  });
});
