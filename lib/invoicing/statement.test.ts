import { describe, expect, it } from 'vitest';
import {
  isDueForStatement,
  isLastDayOfMonth,
  parisMonth,
  purchaseOrderList,
  statementGroups,
  statementLineTitle,
} from './statement';

const order = (
  id: number,
  engagementNumber: string | null,
  purchaseOrderNumber: string | null = null,
  dispatchedAt = new Date('2026-12-10T10:00:00Z'),
) => ({ id, reference: `LF-${id}`, purchaseOrderNumber, engagementNumber, dispatchedAt });

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

  it('cover one calendar month each, in Paris', () => {
    const november = new Date('2026-11-30T23:30:00Z'); // 1 December, 00:30 in Paris
    const lateNovember = new Date('2026-11-30T22:30:00Z'); // 30 November, 23:30 in Paris
    expect(parisMonth(november)).toBe('2026-12');
    const groups = statementGroups([
      order(1, null, null, november),
      order(2, null, null, lateNovember),
      order(3, null),
    ]);
    expect(groups.map((group) => group.map((o) => o.id))).toEqual([[2], [1, 3]]);
  });

  it('are owed by the daily run for past months, and for this one on its last day', () => {
    const inDecember = new Date('2026-12-10T10:00:00Z');
    expect(isDueForStatement(inDecember, new Date('2026-12-30T22:55:00Z'))).toBe(false);
    expect(isDueForStatement(inDecember, new Date('2026-12-31T22:55:00Z'))).toBe(true);
    // A run missed in December: January's first run catches up.
    expect(isDueForStatement(inDecember, new Date('2027-01-01T22:55:00Z'))).toBe(true);
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
