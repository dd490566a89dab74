import { SHOP_TIME_ZONE } from '@/lib/core/date';

// Calendar days are represented as a Date at 12:00 UTC of that day: in Europe/Paris it is 13:00
// or 14:00 of the same day, so formatting it in either zone gives the same date, and adding days
// with Date.UTC never crosses a DST change.

const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  hourCycle: 'h23',
});

/** The calendar day (as noon UTC) and the hour it is in Paris at `instant`. */
export function toParisDay(instant: Date): { day: Date; hour: number } {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of PARIS_PARTS.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year, month, day, hour } = parts;
  if (year === undefined || month === undefined || day === undefined || hour === undefined) {
    throw new Error(`Cannot read the Paris date of ${instant.toISOString()}`);
  }
  return { day: calendarDay(year, month, day), hour };
}

/** `month` is 1–12. */
export function calendarDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

export function addCalendarDays(day: Date, count: number): Date {
  return calendarDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate() + count);
}

/** "2027-03-29" */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The calendar day as a date-only database column (`@db.Date`) stores it: midnight UTC. */
export function toDateOnly(day: Date): Date {
  return new Date(`${isoDay(day)}T00:00:00Z`);
}
