import { describe, expect, it } from 'vitest';
import { isoDay } from '@/lib/availability';
import {
  lineDeliveryWindow,
  lineShipWithin,
  linePublishedOn,
  orderWindowOfPlans,
  orderDeliveryWindow,
  orderShipWithin,
  orderWindowOfLines,
} from './delivery-plan';

const harmattan = {
  supplierAvailabilityCode: '20',
  expectedOn: null,
  supplier: { leadTimeMinDays: 6, leadTimeMaxDays: 10 },
};

describe('delivery plan', () => {
  it('ships copies on the shelf within the shop delay, backorders within the supplier lead time', () => {
    expect(lineShipWithin({ fromStock: 2, backorder: 0 }, harmattan)).toEqual({ minDays: 0, maxDays: 1 });
    expect(lineShipWithin({ fromStock: 1, backorder: 1 }, harmattan)).toEqual({ minDays: 6, maxDays: 10 });
  });
  it('ships a pre-order the lead time after its publication date', () => {
    const publishedOn = new Date('2027-03-12T00:00:00Z');
    const forthcoming = { ...harmattan, supplierAvailabilityCode: '10', expectedOn: publishedOn };
    const now = new Date('2026-12-07T09:00:00Z');
    const allocation = { fromStock: 0, backorder: 1 };
    expect(lineShipWithin(allocation, forthcoming, now)).toEqual({ minDays: 6, maxDays: 10 });
    expect(linePublishedOn(allocation, forthcoming, now)).toBe(publishedOn);
    expect(linePublishedOn(allocation, forthcoming, new Date('2027-03-13T09:00:00Z'))).toBeNull();
    const window = orderWindowOfPlans(
      [
        { shipWithin: { minDays: 0, maxDays: 1 }, publishedOn: null },
        { shipWithin: lineShipWithin(allocation, forthcoming, now), publishedOn },
      ],
      'home_delivery',
      now,
      14,
    )!;
    // Friday 12 March + 6 to 10 business days, + 1 to 2 of transit.
    expect(window.label).toBe('Livraison estimée entre le mardi 23 et le mercredi 31 mars');
  });
  it('waits for the slowest line', () => {
    expect(
      orderShipWithin([
        { minDays: 0, maxDays: 1 },
        { minDays: 6, maxDays: 10 },
      ]),
    ).toEqual({ minDays: 6, maxDays: 10 });
    expect(orderShipWithin([{ minDays: 0, maxDays: 1 }, null])).toBeNull();
  });
  it('counts no transit for pickup', () => {
    // Monday 30 November 2026, 10:00 in Paris.
    const now = new Date('2026-11-30T09:00:00Z');
    const home = orderDeliveryWindow({ minDays: 0, maxDays: 1 }, 'home_delivery', now, 14);
    const pickup = orderDeliveryWindow({ minDays: 0, maxDays: 1 }, 'shop_pickup', now, 14);
    expect(home?.label).toBe('Livraison estimée entre le mardi 1er et le jeudi 3 décembre');
    expect(pickup?.label).toMatch(/^Retrait en librairie possible/);
    expect(pickup!.latest.getTime()).toBeLessThan(home!.latest.getTime());
  });
  it('counts a line from the day the distributor announced, once it gave one', () => {
    // Paid on Monday 30 November 2026 at 10:00 in Paris; the distributor's lead time 6–10 days.
    const paidAt = new Date('2026-11-30T09:00:00Z');
    const line = { shipWithinMinDays: 6, shipWithinMaxDays: 10 };
    const promised = lineDeliveryWindow(line, 'home_delivery', paidAt, 16)!;
    expect([isoDay(promised.earliest), isoDay(promised.latest)]).toEqual(['2026-12-09', '2026-12-16']);
    // Announced for Thursday 7 January 2027 (a date-only column: midnight UTC): it leaves within
    // the shelf's delay (0–1 business day), then 1–2 business days of transit.
    const announced = { ...line, supplierExpectedOn: new Date('2027-01-07T00:00:00Z') };
    const late = lineDeliveryWindow(announced, 'home_delivery', paidAt, 16)!;
    expect([isoDay(late.earliest), isoDay(late.latest)]).toEqual(['2027-01-08', '2027-01-12']);
    const pickup = lineDeliveryWindow(announced, 'shop_pickup', paidAt, 16)!;
    expect([isoDay(pickup.earliest), isoDay(pickup.latest)]).toEqual(['2027-01-07', '2027-01-08']);
  });
  it('gives the order its slowest line’s window, or none when a line has none', () => {
    const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
    expect(
      orderWindowOfLines([
        { earliest: day('2026-12-09'), latest: day('2026-12-16') },
        { earliest: day('2027-01-08'), latest: day('2027-01-11') },
      ]),
    ).toEqual({ earliest: day('2027-01-08'), latest: day('2027-01-11') });
    expect(orderWindowOfLines([{ earliest: day('2026-12-09'), latest: day('2026-12-16') }, null])).toBeNull();
    expect(orderWindowOfLines([])).toBeNull();
  });
});
