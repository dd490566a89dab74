import { formatDateShort, SHOP_TIME_ZONE } from './date';

// Instants as the shop's staff read them: the shop's clock (Europe/Paris).
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: SHOP_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "02/12/2026 14:05" */
export function formatDateTime(instant: Date): string {
  return DATE_TIME.format(instant);
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: SHOP_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** "07/12/2026 à 10:46", on the shop's clock. */
export function formatDateAtTime(instant: Date): string {
  return `${formatDateShort(instant)} à ${TIME.format(instant)}`;
}
