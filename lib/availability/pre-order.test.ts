import { describe, expect, it } from 'vitest';
import { estimateDeliveryWindow } from './delivery-window';
import { forthcomingDate, preOrderDeliveryWindow } from './pre-order';

// A date-only column (Book.expectedOn) is midnight UTC of the day.
const JANUARY_15_2027 = new Date('2027-01-15T00:00:00Z'); // a Friday
const LEAD = { minDays: 2, maxDays: 4 };
const NOW = new Date('2026-12-07T09:00:00Z'); // Monday morning in Paris

describe('forthcomingDate', () => {
  it('keeps a date to come, today included, in Paris', () => {
    expect(forthcomingDate(JANUARY_15_2027, NOW)).toBe(JANUARY_15_2027);
    expect(forthcomingDate(JANUARY_15_2027, new Date('2027-01-15T22:30:00Z'))).toBe(JANUARY_15_2027);
  });

  it('drops a missing, invalid or past date', () => {
    expect(forthcomingDate(null, NOW)).toBeNull();
    expect(forthcomingDate(new Date('nope'), NOW)).toBeNull();
    // 23:30 UTC on 15 January is already 16 January in Paris.
    expect(forthcomingDate(JANUARY_15_2027, new Date('2027-01-15T23:30:00Z'))).toBeNull();
  });
});

describe('preOrderDeliveryWindow', () => {
  it('counts the lead time in business days from the publication date, then the transit', () => {
    const window = preOrderDeliveryWindow({ publishedOn: JANUARY_15_2027, leadTime: LEAD, now: NOW })!;
    // Friday 15 + 2 business days = Tuesday 19, + 1 transit = Wednesday 20;
    // Friday 15 + 4 = Thursday 21, + 2 transit = Monday 25.
    expect(window.earliest.toISOString().slice(0, 10)).toBe('2027-01-20');
    expect(window.latest.toISOString().slice(0, 10)).toBe('2027-01-25');
    expect(window.label).toBe('Livraison estimée entre le mercredi 20 et le lundi 25 janvier');
  });

  it('starts from the next business day when the book comes out on a day off', () => {
    // Saturday 1 May 2027 (Labour Day too): counting starts on Monday 3 May.
    const window = preOrderDeliveryWindow({
      publishedOn: new Date('2027-05-01T00:00:00Z'),
      leadTime: { minDays: 0, maxDays: 0 },
      transit: { minDays: 0, maxDays: 0 },
      now: NOW,
    })!;
    expect(window.earliest.toISOString().slice(0, 10)).toBe('2027-05-03');
  });

  it('falls back to a book to order when the date is past or missing', () => {
    const toOrder = estimateDeliveryWindow({ now: NOW, shipWithin: LEAD });
    const past = preOrderDeliveryWindow({
      publishedOn: new Date('2026-11-02T00:00:00Z'),
      leadTime: LEAD,
      now: NOW,
    });
    expect(past).toEqual(toOrder);
    expect(preOrderDeliveryWindow({ publishedOn: null, leadTime: LEAD, now: NOW })).toEqual(toOrder);
  });

  it('gives no estimate without a lead time', () => {
    expect(preOrderDeliveryWindow({ publishedOn: JANUARY_15_2027, leadTime: null, now: NOW })).toBeNull();
  });

  it('never estimates before the order could leave, whatever the date', () => {
    const today = preOrderDeliveryWindow({ publishedOn: new Date('2026-12-07T00:00:00Z'), leadTime: LEAD, now: NOW });
    expect(today).toEqual(estimateDeliveryWindow({ now: NOW, shipWithin: LEAD }));
  });
});
