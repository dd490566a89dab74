import { describe, expect, it } from 'vitest';
import { isLastDayOfMonth, purchaseOrderList, statementGroups, statementLineTitle } from './statement';

const order = (id: number, engagementNumber: string | null, purchaseOrderNumber: string | null = null) => ({
  id,
  reference: `LF-${id}`,
  purchaseOrderNumber,
  engagementNumber,
});

describe('monthly statements (CGI art. 289, I-3)', () => {
  it('are one per engagement number, the orders without one together, oldest first', () => {
    const groups = statementGroups([
      order(3, 'EJ-2'),
      order(1, null),
      order(2, 'EJ-1'),
      order(4, null),
      order(5, 'EJ-2'),
    ]);
    expect(groups.map((group) => group.map((o) => o.id))).toEqual([[1, 4], [2], [3, 5]]);
  });

  it('name each purchase order once, and each line its order', () => {
    expect(
      purchaseOrderList([order(1, null, 'BC-1'), order(2, null), order(3, null, 'BC-1'), order(4, null, 'BC-9')]),
    ).toBe('BC-1, BC-9');
    expect(purchaseOrderList([order(1, null)])).toBeNull();
    expect(statementLineTitle(order(7, null, 'BC-7'), 'Droit civil')).toBe('Commande LF-7 (bon n° BC-7) : Droit civil');
    expect(statementLineTitle(order(8, null), 'Droit civil')).toBe('Commande LF-8 : Droit civil');
  });

  it('are issued on the last day of the month, in Paris', () => {
    expect(isLastDayOfMonth(new Date('2026-12-31T10:00:00Z'))).toBe(true);
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(isLastDayOfMonth(new Date('2026-12-31T23:30:00Z'))).toBe(false);
    expect(isLastDayOfMonth(new Date('2027-02-28T12:00:00Z'))).toBe(true);
    expect(isLastDayOfMonth(new Date('2028-02-28T12:00:00Z'))).toBe(false);
    expect(isLastDayOfMonth(new Date('2026-11-30T22:59:00Z'))).toBe(true);
  });
});
