import type { AvailabilityState } from '@/lib/availability/availability-state';

// Availability alerts ("M'avertir de sa disponibilité"): which books take one, what a change of
// availability does to them, what the alert's link offers (its secret: alert-token.ts). Pure. Decision record:
// docs/decisions/022-availability-alerts.md.

/**
 * The books that cannot ship within the in-stock delay (lib/availability): to order, forthcoming,
 * reprinting, unavailable. Not in stock (it ships now), not out of print (it will not come back).
 */
export const ALERTABLE_STATES = [
  'to_order',
  'pre_order',
  'reprinting',
  'unavailable',
] as const satisfies readonly AvailabilityState[];

export function takesAlert(state: AvailabilityState): boolean {
  return (ALERTABLE_STATES as readonly AvailabilityState[]).includes(state);
}

/** What a stored availability means for the book's confirmed alerts (the migration's trigger says the same). */
export function alertOutcomeOf(state: AvailabilityState): 'available' | 'out_of_print' | null {
  if (state === 'in_stock') return 'available';
  if (state === 'out_of_print') return 'out_of_print';
  return null;
}

/** "1 lecteur en attente", "3 lecteurs en attente": what the stock desk reads. */
export function formatWaitingReaders(count: number): string {
  return `${count} lecteur${count > 1 ? 's' : ''} en attente`;
}

const DAY_MS = 24 * 3600_000;

/**
 * An alert not confirmed within 7 days is dropped (its link no longer confirms, the retention
 * job deletes it): an address nobody confirmed is not kept (RGPD art. 5.1.c and e).
 */
export const ALERT_CONFIRMATION_DAYS = 7;

export function confirmationExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= ALERT_CONFIRMATION_DAYS * DAY_MS;
}

export type AlertView = {
  status: 'pending' | 'confirmed' | 'due' | 'closed';
  createdAt: Date;
};

/** What the link's page offers: confirm (a pending alert still in time), cancel (any alert still kept). */
export function alertLinkActions(alert: AlertView, now: Date): { confirm: boolean; cancel: boolean } {
  return {
    confirm: alert.status === 'pending' && !confirmationExpired(alert.createdAt, now),
    cancel: true,
  };
}
