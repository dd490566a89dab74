import { isFrenchPublicHoliday } from './french-holidays';
import { addCalendarDays, isoDay } from './paris-calendar';

// Days are calendar days as paris-calendar represents them (a Date at 12:00 UTC).

/** Monday to Friday, except French public holidays. */
export function isBusinessDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isFrenchPublicHoliday(isoDay(day));
}

export function nextBusinessDay(day: Date): Date {
  let next = addCalendarDays(day, 1);
  while (!isBusinessDay(next)) next = addCalendarDays(next, 1);
  return next;
}

/** `count` business days after `day`; `day` itself when count is 0. */
export function addBusinessDays(day: Date, count: number): Date {
  let result = day;
  for (let i = 0; i < count; i += 1) result = nextBusinessDay(result);
  return result;
}
