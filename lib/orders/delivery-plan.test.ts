import { describe, expect, it } from 'vitest';
import { lineShipWithin, orderDeliveryWindow, orderShipWithin } from './delivery-plan';

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
  it('has no business-day estimate for a forthcoming title', () => {
    const forthcoming = { ...harmattan, supplierAvailabilityCode: '10', expectedOn: new Date('2027-03-12T00:00:00Z') };
    expect(lineShipWithin({ fromStock: 0, backorder: 1 }, forthcoming)).toBeNull();
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
});
