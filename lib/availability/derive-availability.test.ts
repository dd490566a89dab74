import { describe, expect, it } from 'vitest';

import { AVAILABILITY_STATE_LABELS, AVAILABILITY_STATES } from './availability-state';
import { deriveAvailability, type AvailabilityInput } from './derive-availability';

const NOTHING_ON_HAND: AvailabilityInput = {
  onHand: 0,
  supplierCode: null,
  supplierLeadTime: null,
  expectedDate: null,
};

function fromSupplier(supplierCode: string | null, extra: Partial<AvailabilityInput> = {}) {
  return deriveAvailability({ ...NOTHING_ON_HAND, supplierCode, ...extra });
}

// A PostgreSQL DATE as Prisma returns it: midnight UTC.
const MARCH_12_2027 = new Date('2027-03-12T00:00:00Z');

describe('deriveAvailability: copies on hand', () => {
  it('ships within 24 h by default', () => {
    expect(deriveAvailability({ ...NOTHING_ON_HAND, onHand: 3, supplierCode: '21' })).toEqual({
      state: 'in_stock',
      orderable: true,
      label: 'En stock — expédié sous 24 h',
      shipWithin: { minDays: 0, maxDays: 1 },
      schemaOrg: 'InStock',
    });
  });

  it("uses the shop's own in-stock delay", () => {
    const availability = deriveAvailability({ ...NOTHING_ON_HAND, onHand: 1, inStockShipDays: 3 });
    expect(availability.label).toBe('En stock — expédié sous 3 jours');
    expect(availability.shipWithin).toEqual({ minDays: 0, maxDays: 3 });
  });

  it.each([null, '31', '51', '10', '32', '99', 'zz'])('wins over supplier code %j', (code) => {
    const availability = deriveAvailability({ ...NOTHING_ON_HAND, onHand: 1, supplierCode: code });
    expect(availability.state).toBe('in_stock');
  });

  it.each([
    ['34', 'OutOfStock'],
    ['46', 'Discontinued'],
    ['49', 'Discontinued'],
  ] as const)('does not sell copies on hand under code %s (withdrawn or recalled)', (code, schemaOrg) => {
    expect(deriveAvailability({ ...NOTHING_ON_HAND, onHand: 5, supplierCode: code })).toEqual({
      state: 'unavailable',
      orderable: false,
      label: 'Indisponible',
      shipWithin: null,
      schemaOrg,
    });
  });

  it('treats a negative or non-numeric count as nothing on hand', () => {
    for (const onHand of [-2, Number.NaN]) {
      expect(deriveAvailability({ ...NOTHING_ON_HAND, onHand, supplierCode: '22' }).state).toBe('to_order');
    }
  });

  it('rejects an in-stock delay below one day', () => {
    for (const inStockShipDays of [0, 1.5, Number.NaN]) {
      expect(() => deriveAvailability({ ...NOTHING_ON_HAND, onHand: 1, inStockShipDays })).toThrow(RangeError);
    }
  });
});

describe('deriveAvailability: to order from the distributor', () => {
  it.each(['20', '21', '22', '23'])('orders code %s with the lead time', (code) => {
    expect(fromSupplier(code, { supplierLeadTime: { minDays: 6, maxDays: 10 } })).toEqual({
      state: 'to_order',
      orderable: true,
      label: 'Expédié sous 6 à 10 jours',
      shipWithin: { minDays: 6, maxDays: 10 },
      schemaOrg: 'BackOrder',
    });
  });

  it.each([
    [{ minDays: 3, maxDays: 3 }, 'Expédié sous 3 jours', { minDays: 3, maxDays: 3 }],
    [{ minDays: 0, maxDays: 4 }, 'Expédié sous 4 jours', { minDays: 0, maxDays: 4 }],
    [{ minDays: 0, maxDays: 1 }, 'Expédié sous 24 h', { minDays: 0, maxDays: 1 }],
    [{ minDays: 10, maxDays: 6 }, 'Expédié sous 6 à 10 jours', { minDays: 6, maxDays: 10 }],
    [{ minDays: -2, maxDays: 5 }, 'Expédié sous 5 jours', { minDays: 0, maxDays: 5 }],
  ])('reads lead time %j as %j', (supplierLeadTime, label, shipWithin) => {
    const availability = fromSupplier('22', { supplierLeadTime });
    expect(availability.label).toBe(label);
    expect(availability.shipWithin).toEqual(shipWithin);
  });

  it('stays orderable without a known lead time', () => {
    expect(fromSupplier('22')).toMatchObject({
      state: 'to_order',
      orderable: true,
      label: 'Sur commande',
      shipWithin: null,
    });
    expect(fromSupplier('22', { supplierLeadTime: { minDays: Number.NaN, maxDays: 3 } }).label).toBe('Sur commande');
  });

  it('reads a code with stray spaces', () => {
    expect(fromSupplier(' 22 ').state).toBe('to_order');
  });
});

describe('deriveAvailability: forthcoming', () => {
  it.each(['10', '11', '12'])('takes pre-orders for code %s with the date in Paris', (code) => {
    expect(fromSupplier(code, { expectedDate: MARCH_12_2027 })).toEqual({
      state: 'pre_order',
      orderable: true,
      label: 'Parution le 12/03/2027',
      shipWithin: null,
      schemaOrg: 'PreOrder',
      publishedOn: MARCH_12_2027,
    });
  });

  it('ships the distributor’s lead time after publication', () => {
    const leadTime = { minDays: 2, maxDays: 4 };
    expect(fromSupplier('10', { expectedDate: MARCH_12_2027, supplierLeadTime: leadTime })).toMatchObject({
      shipWithin: leadTime,
      publishedOn: MARCH_12_2027,
    });
  });

  it('reads the date in Paris, not UTC', () => {
    // 23:30 UTC on 11 March is already 12 March in Paris.
    const lateEvening = new Date('2027-03-11T23:30:00Z');
    expect(fromSupplier('10', { expectedDate: lateEvening }).label).toBe('Parution le 12/03/2027');
  });

  it('reads as a book to order without a date', () => {
    expect(fromSupplier('10').label).toBe('Sur commande');
    expect(fromSupplier('10', { supplierLeadTime: { minDays: 6, maxDays: 10 } })).toMatchObject({
      state: 'pre_order',
      orderable: true,
      label: 'Expédié sous 6 à 10 jours',
      shipWithin: { minDays: 6, maxDays: 10 },
    });
  });

  it('reads a date already past as a book to order, but keeps the state', () => {
    const stale = fromSupplier('10', { expectedDate: MARCH_12_2027, now: new Date('2027-03-13T09:00:00Z') });
    expect(stale).toMatchObject({ state: 'pre_order', label: 'Sur commande' });
    expect(stale.publishedOn).toBeUndefined();
    const today = fromSupplier('10', { expectedDate: MARCH_12_2027, now: new Date('2027-03-12T20:00:00Z') });
    expect(today.label).toBe('Parution le 12/03/2027');
  });
});

describe('deriveAvailability: reprinting, out of print, unavailable', () => {
  it.each(['32', '33'])('does not take orders while reprinting (code %s)', (code) => {
    expect(fromSupplier(code, { supplierLeadTime: { minDays: 3, maxDays: 5 } })).toEqual({
      state: 'reprinting',
      orderable: false,
      label: 'Réimpression en cours',
      shipWithin: null,
      schemaOrg: 'OutOfStock',
    });
  });

  it('gives the reprint date when known', () => {
    expect(fromSupplier('32', { expectedDate: MARCH_12_2027 }).label).toBe(
      'Réimpression en cours — disponible vers le 12/03/2027',
    );
  });

  it('says "Épuisé" when the publisher declares it out of print', () => {
    expect(fromSupplier('51')).toEqual({
      state: 'out_of_print',
      orderable: false,
      label: 'Épuisé',
      shipWithin: null,
      schemaOrg: 'Discontinued',
    });
  });

  it.each(['01', '41', '42', '43', '46', '47', '48', '49', '52'])('marks code %s discontinued', (code) => {
    expect(fromSupplier(code)).toMatchObject({
      state: 'unavailable',
      orderable: false,
      label: 'Indisponible',
      schemaOrg: 'Discontinued',
    });
  });

  it.each(['09', '30', '31', '34', '40', '44', '45', '50', '97', '98', '99'])('marks code %s out of stock', (code) => {
    expect(fromSupplier(code)).toMatchObject({
      state: 'unavailable',
      orderable: false,
      label: 'Indisponible',
      schemaOrg: 'OutOfStock',
    });
  });

  it.each([null, '', '7', '00', 'XX', '2'.repeat(100)])(
    'is unavailable with no supplier or unknown code %j',
    (code) => {
      expect(fromSupplier(code, { supplierLeadTime: { minDays: 1, maxDays: 2 } })).toMatchObject({
        state: 'unavailable',
        orderable: false,
        shipWithin: null,
      });
    },
  );
});

describe('deriveAvailability: invariants over every list 65 code', () => {
  const codes = [
    ...['01', '09', '10', '11', '12', '20', '21', '22', '23', '30', '31', '32', '33', '34'],
    ...['40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '97', '98', '99'],
  ];
  const ORDERABLE_STATES = new Set(['in_stock', 'to_order', 'pre_order']);

  it.each(codes.flatMap((code) => [0, 2].map((onHand) => [code, onHand] as const)))(
    'code %s with %i on hand: orderable exactly in orderable states, no delay when not orderable',
    (code, onHand) => {
      const availability = deriveAvailability({
        onHand,
        supplierCode: code,
        supplierLeadTime: { minDays: 2, maxDays: 4 },
        expectedDate: MARCH_12_2027,
      });
      expect(availability.orderable).toBe(ORDERABLE_STATES.has(availability.state));
      if (!availability.orderable) expect(availability.shipWithin).toBeNull();
    },
  );
});

describe('AVAILABILITY_STATE_LABELS', () => {
  it('names every state in French', () => {
    expect(Object.keys(AVAILABILITY_STATE_LABELS)).toEqual([...AVAILABILITY_STATES]);
    expect(AVAILABILITY_STATE_LABELS.to_order).toBe('Sur commande');
    expect(AVAILABILITY_STATE_LABELS.out_of_print).toBe('Épuisé');
  });
});
