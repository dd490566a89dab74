import { describe, expect, it } from 'vitest';
import { belowThreshold, proposeLine } from './purchase-proposal';

const demand = { bookId: 1, awaitedByCustomers: 0, available: 0, reorderThreshold: 0, onOrder: 0 };

describe('proposeLine', () => {
  it('orders what customers wait for', () => {
    expect(proposeLine({ ...demand, awaitedByCustomers: 1 })).toEqual({ bookId: 1, quantity: 1, forCustomerOrders: 1 });
  });

  it('restocks up to the threshold, on top of customers', () => {
    expect(proposeLine({ ...demand, awaitedByCustomers: 2, available: 1, reorderThreshold: 3 })).toEqual({
      bookId: 1,
      quantity: 4,
      forCustomerOrders: 2,
    });
  });

  it('counts copies already on order, which serve customers first', () => {
    expect(proposeLine({ ...demand, awaitedByCustomers: 2, onOrder: 3 })).toBeNull();
    expect(proposeLine({ ...demand, awaitedByCustomers: 2, reorderThreshold: 2, onOrder: 3 })).toEqual({
      bookId: 1,
      quantity: 1,
      forCustomerOrders: 0,
    });
  });

  it('proposes nothing for a book at or above its threshold with nobody waiting', () => {
    expect(proposeLine({ ...demand, available: 3, reorderThreshold: 3 })).toBeNull();
    expect(proposeLine(demand)).toBeNull();
  });

  it('says when a followed book is below its threshold', () => {
    expect(belowThreshold({ available: 1, reorderThreshold: 2 })).toBe(true);
    expect(belowThreshold({ available: 2, reorderThreshold: 2 })).toBe(false);
    expect(belowThreshold({ available: 0, reorderThreshold: 0 })).toBe(false);
  });
});
