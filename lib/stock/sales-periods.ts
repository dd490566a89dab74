// The dashboard's periods in the shop's days (Europe/Paris): today, the current month, and the
// last 30 days, each day as an ISO date ("2026-12-03") that SQL groups by. Pure.
import { addCalendarDays, calendarDay, isoDay, toParisDay } from '@/lib/availability/paris-calendar';

export const SALES_CHART_DAYS = 30;

export type SalesPeriods = { today: string; monthStart: string; days: string[] };

export function salesPeriods(now: Date): SalesPeriods {
  const { day } = toParisDay(now);
  const days = Array.from({ length: SALES_CHART_DAYS }, (_, index) =>
    isoDay(addCalendarDays(day, index - SALES_CHART_DAYS + 1)),
  );
  return {
    today: isoDay(day),
    monthStart: isoDay(calendarDay(day.getUTCFullYear(), day.getUTCMonth() + 1, 1)),
    days,
  };
}

/** One point per day, zero for days without a sale. */
export function dailySeries(
  days: readonly string[],
  rows: readonly { day: string; cents: number }[],
): { day: string; cents: number }[] {
  const byDay = new Map(rows.map((row) => [row.day, row.cents]));
  return days.map((day) => ({ day, cents: byDay.get(day) ?? 0 }));
}
