import { isBusinessDay } from '@/lib/availability/business-days';
import { addCalendarDays, isoDay, toParisDay } from '@/lib/availability/paris-calendar';

// The withdrawal period of a distance sale of goods, counted as the Code de la consommation
// counts it, on the shop's calendar (Europe/Paris):
// - art. L221-18: fourteen days from the receipt of the goods;
// - art. L221-19, 1° and 2°: the day of receipt is not counted, and the period ends at the last
//   hour of its last day (24:00 in Paris);
// - art. L221-19, 3°: a period that would end on a Saturday, a Sunday or a public holiday is
//   extended to the next working day.
// Before receipt (an order on its way, a pickup not collected yet) the right can already be
// exercised (art. L221-18), and the period has no last day yet.

/** Code de la consommation, art. L221-18. */
export const WITHDRAWAL_DAYS = 14;

/** The last day ("2026-12-21") on which a withdrawal may be declared, for goods received at `receivedAt`. */
export function withdrawalLastDay(receivedAt: Date): string {
  const receiptDay = toParisDay(receivedAt).day;
  let last = addCalendarDays(receiptDay, WITHDRAWAL_DAYS);
  while (!isBusinessDay(last)) last = addCalendarDays(last, 1);
  return isoDay(last);
}

/**
 * A declaration begun from "Renoncer au contrat ici" (the link e-mailed to the order's address)
 * counts from that request when it is confirmed within this delay: the customer sent their
 * decision before the period ended (art. L221-21), the e-mail's round trip is the shop's.
 */
export const WITHDRAWAL_REQUEST_GRACE_MS = 24 * 3600_000;

/** The instant a declaration counts from: the request that began it, if recent enough, else now. */
export function withdrawalDeclaredAt(now: Date, requestedAt: Date | null): Date {
  if (requestedAt && requestedAt <= now && now.getTime() - requestedAt.getTime() <= WITHDRAWAL_REQUEST_GRACE_MS) {
    return requestedAt;
  }
  return now;
}

/** Code de la consommation, art. L221-24: the refund comes at the latest 14 days after the declaration. */
export const WITHDRAWAL_REFUND_DAYS = 14;

/** The last day ("2026-12-21", Paris calendar) to refund a withdrawal declared at `declaredAt`. */
export function withdrawalRefundBy(declaredAt: Date): string {
  return isoDay(addCalendarDays(toParisDay(declaredAt).day, WITHDRAWAL_REFUND_DAYS));
}

/** Whether `now` is still within a period whose last day is `lastDay` (until 24:00 in Paris). */
export function isWithinWithdrawalPeriod(lastDay: string, now: Date): boolean {
  return isoDay(toParisDay(now).day) <= lastDay;
}
