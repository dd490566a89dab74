import type { AvailabilityState } from '@/lib/availability';

// The catalog's availability filter, with French values in the URL (?disponibilite=en-stock).
export const AVAILABILITY_URL_VALUES = {
  'en-stock': 'in_stock',
  'sur-commande': 'to_order',
  'a-paraitre': 'pre_order',
  reimpression: 'reprinting',
  epuise: 'out_of_print',
  indisponible: 'unavailable',
} as const satisfies Record<string, AvailabilityState>;

export type AvailabilityUrlValue = keyof typeof AVAILABILITY_URL_VALUES;
