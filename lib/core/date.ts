// Dates as a French reader reads them, always in the shop's time zone.
export const SHOP_TIME_ZONE = 'Europe/Paris';

const SHORT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: SHOP_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "15/09/2006" */
export function formatDateShort(date: Date): string {
  return SHORT.format(date);
}

const LONG = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });

/** "mardi 8 décembre", for a calendar day stored as a UTC date (@db.Date). */
export function formatDateLong(day: Date): string {
  return LONG.format(day);
}
