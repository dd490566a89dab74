import type { BusinessDayRange } from './availability-state';
import { addBusinessDays, isBusinessDay, nextBusinessDay } from './business-days';
import { toParisDay } from './paris-calendar';

export type DeliveryWindowInput = {
  now: Date;
  /** Business days before the parcel leaves, counted from the day the order is taken. */
  shipWithin: BusinessDayRange;
  /** Business days of carrier transit; default 1–2 (Colissimo, metropolitan France). */
  transit?: BusinessDayRange;
  /** Orders from this hour on (Paris time), or on a day off, count from the next business day. */
  cutoffHour?: number;
  /**
   * A calendar day before which the dispatch delay cannot start (a forthcoming title's
   * publication date, as a date-only column stores it): counting starts from the later of the
   * order day and this day (or the next business day after it).
   */
  startOn?: Date | null;
};

export type DeliveryWindow = {
  /** The calendar days in Europe/Paris, each as a Date at 12:00 UTC. */
  earliest: Date;
  latest: Date;
  /** "Livraison estimée entre le mardi 8 et le vendredi 11 décembre" */
  label: string;
};

const DEFAULT_TRANSIT: BusinessDayRange = { minDays: 1, maxDays: 2 };
const DEFAULT_CUTOFF_HOUR = 14;
// A year of business days: beyond that an estimate means nothing, and the loop stays short.
const MAX_BUSINESS_DAYS = 260;

/**
 * When a parcel should arrive, counting business days in Europe/Paris (Monday–Friday, French
 * public holidays excluded): the order day counts if it is a business day before the cut-off,
 * then the dispatch delay, then the transit.
 */
export function estimateDeliveryWindow(input: DeliveryWindowInput): DeliveryWindow {
  const transit = input.transit ?? DEFAULT_TRANSIT;
  const cutoffHour = input.cutoffHour ?? DEFAULT_CUTOFF_HOUR;
  if (Number.isNaN(input.now.getTime())) throw new RangeError('now is an invalid Date');
  assertRange('shipWithin', input.shipWithin);
  assertRange('transit', transit);
  if (!Number.isInteger(cutoffHour) || cutoffHour < 0 || cutoffHour > 24) {
    throw new RangeError(`cutoffHour must be a whole hour between 0 and 24, got ${cutoffHour}`);
  }

  const { day, hour } = toParisDay(input.now);
  const orderDay = laterDay(isBusinessDay(day) && hour < cutoffHour ? day : nextBusinessDay(day), input.startOn);
  const earliest = addBusinessDays(addBusinessDays(orderDay, input.shipWithin.minDays), transit.minDays);
  const latest = addBusinessDays(addBusinessDays(orderDay, input.shipWithin.maxDays), transit.maxDays);
  return { earliest, latest, label: formatDeliveryLabel(earliest, latest) };
}

function laterDay(orderDay: Date, startOn: Date | null | undefined): Date {
  if (!startOn || Number.isNaN(startOn.getTime())) return orderDay;
  const { day } = toParisDay(startOn);
  const start = isBusinessDay(day) ? day : nextBusinessDay(day);
  return start.getTime() > orderDay.getTime() ? start : orderDay;
}

function assertRange(name: string, range: BusinessDayRange): void {
  const { minDays, maxDays } = range;
  const wholeDays = Number.isInteger(minDays) && Number.isInteger(maxDays);
  if (!wholeDays || minDays < 0 || minDays > maxDays || maxDays > MAX_BUSINESS_DAYS) {
    throw new RangeError(
      `${name} must be whole days, 0 ≤ minDays ≤ maxDays ≤ ${MAX_BUSINESS_DAYS}; got ${minDays}–${maxDays}`,
    );
  }
}

// The days are noon UTC, so formatting them in UTC gives the Paris calendar day.
const WEEKDAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' });

/** "mardi 8", "vendredi 1er" (French writes the first of the month as an ordinal). */
function weekdayAndDay(day: Date): string {
  const date = day.getUTCDate();
  return `${WEEKDAY.format(day)} ${date === 1 ? '1er' : date}`;
}

/** "Livraison estimée entre le mardi 8 et le vendredi 11 décembre" */
export function formatDeliveryLabel(earliest: Date, latest: Date): string {
  const latestText = `${weekdayAndDay(latest)} ${MONTH.format(latest)}`;
  if (earliest.getTime() === latest.getTime()) return `Livraison estimée le ${latestText}`;
  const sameMonth =
    earliest.getUTCFullYear() === latest.getUTCFullYear() && earliest.getUTCMonth() === latest.getUTCMonth();
  const earliestText = sameMonth ? weekdayAndDay(earliest) : `${weekdayAndDay(earliest)} ${MONTH.format(earliest)}`;
  return `Livraison estimée entre le ${earliestText} et le ${latestText}`;
}
