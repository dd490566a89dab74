// Office copies ("office": sent on the publisher's new-release programme) may go back to the
// distributor for a credit within a window counted from their delivery, set per distributor
// (commonly from 3 to 12 months: Syndicat de la librairie française, "Les retours", and each
// distributor's terms of sale). Firm copies ("ferme") never go back. Pure; days are the shop's
// calendar days (Europe/Paris).
import { addCalendarDays, toParisDay } from '@/lib/availability/paris-calendar';

export type ReturnWindow = { opensAfterDays: number; closesAfterDays: number };

export type ReturnableState =
  | { state: 'returnable'; until: Date }
  | { state: 'too_early'; from: Date }
  | { state: 'too_late'; closedOn: Date }
  | { state: 'firm' };

export function returnState(
  line: { terms: 'firm' | 'on_approval'; receivedAt: Date },
  window: ReturnWindow,
  now: Date,
): ReturnableState {
  if (line.terms === 'firm') return { state: 'firm' };
  const received = toParisDay(line.receivedAt).day;
  const today = toParisDay(now).day;
  const opens = addCalendarDays(received, window.opensAfterDays);
  const closes = addCalendarDays(received, window.closesAfterDays);
  if (today < opens) return { state: 'too_early', from: opens };
  if (today > closes) return { state: 'too_late', closedOn: closes };
  return { state: 'returnable', until: closes };
}
