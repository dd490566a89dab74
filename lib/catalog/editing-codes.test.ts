import { describe, expect, it } from 'vitest';
import { readSupplierCode } from '@/lib/availability/onix-product-availability';
import { fromSupplierAlone } from './book-availability';
import { SUPPLIER_AVAILABILITY_CODES } from './editing-codes';

describe('the list 65 codes staff choose from', () => {
  it('are all codes lib/availability reads (none falls back to "unknown code")', () => {
    for (const code of Object.keys(SUPPLIER_AVAILABILITY_CODES)) {
      expect(code).toMatch(/^\d\d$/);
      expect(readSupplierCode(code)).toBeDefined();
    }
  });

  it('say what a reader will see: 20 is orderable, 51 is out of print', () => {
    const supplier = { leadTimeMinDays: 2, leadTimeMaxDays: 4 };
    expect(fromSupplierAlone({ supplierAvailabilityCode: '20', expectedOn: null, supplier }).state).toBe('to_order');
    expect(fromSupplierAlone({ supplierAvailabilityCode: '51', expectedOn: null, supplier }).state).toBe(
      'out_of_print',
    );
  });
});
