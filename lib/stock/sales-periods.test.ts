import { describe, expect, it } from 'vitest';
import { dailySeries, salesPeriods } from './sales-periods';

describe('salesPeriods', () => {
  it('uses the Paris day: 23:30 UTC on 31 December is already 1 January in Paris', () => {
    const periods = salesPeriods(new Date('2026-12-31T23:30:00Z'));
    expect(periods.today).toBe('2027-01-01');
    expect(periods.monthStart).toBe('2027-01-01');
    expect(periods.days).toHaveLength(30);
    expect(periods.days.at(-1)).toBe('2027-01-01');
    expect(periods.days[0]).toBe('2026-12-03');
  });

  it('fills the days without sales with zero', () => {
    expect(dailySeries(['2026-12-01', '2026-12-02'], [{ day: '2026-12-02', cents: 500 }])).toEqual([
      { day: '2026-12-01', cents: 0 },
      { day: '2026-12-02', cents: 500 },
    ]);
  });
});
