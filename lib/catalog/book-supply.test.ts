import { describe, expect, it } from 'vitest';
import { chooseBestSupply, type SupplyFacts } from './book-supply';

const supply = (overrides: Partial<SupplyFacts> & { supplierId: number }): SupplyFacts => ({
  availabilityCode: '20',
  expectedOn: null,
  leadTime: { minDays: 3, maxDays: 5 },
  ...overrides,
});

describe('chooseBestSupply', () => {
  it('has nothing to choose without supplies', () => {
    expect(chooseBestSupply([])).toBeNull();
  });

  it('prefers an orderable supply to out of print, whatever the order of the feeds', () => {
    const outOfPrint = supply({ supplierId: 1, availabilityCode: '51' });
    const available = supply({ supplierId: 2, availabilityCode: '21' });
    expect(chooseBestSupply([outOfPrint, available])).toBe(available);
    expect(chooseBestSupply([available, outOfPrint])).toBe(available);
  });

  it('prefers the shortest lead time among orderable supplies', () => {
    const slow = supply({ supplierId: 1, leadTime: { minDays: 6, maxDays: 10 } });
    const fast = supply({ supplierId: 2, leadTime: { minDays: 2, maxDays: 4 } });
    expect(chooseBestSupply([slow, fast])).toBe(fast);
  });

  it('ranks to order, pre-order, reprinting, out of print, unavailable', () => {
    const codes = ['40', '51', '32', '10', '22'];
    const supplies = codes.map((availabilityCode, index) => supply({ supplierId: index + 1, availabilityCode }));
    const order: string[] = [];
    let rest = supplies;
    while (rest.length > 0) {
      const best = chooseBestSupply(rest);
      if (!best) break;
      order.push(best.availabilityCode);
      rest = rest.filter((s) => s !== best);
    }
    expect(order).toEqual(['22', '10', '32', '51', '40']);
  });

  it('prefers the earliest publication date among forthcoming supplies, a known date first', () => {
    const undated = supply({ supplierId: 1, availabilityCode: '10' });
    const late = supply({ supplierId: 2, availabilityCode: '10', expectedOn: new Date('2027-06-01T00:00:00Z') });
    const early = supply({ supplierId: 3, availabilityCode: '10', expectedOn: new Date('2027-03-01T00:00:00Z') });
    expect(chooseBestSupply([undated, late, early])).toBe(early);
  });

  it('breaks ties on the lowest supplier id', () => {
    expect(chooseBestSupply([supply({ supplierId: 7 }), supply({ supplierId: 3 })])?.supplierId).toBe(3);
  });
});
