/** The shop's availability states, stored on each book (Prisma enum `AvailabilityState`). */
export const AVAILABILITY_STATES = [
  'in_stock',
  'to_order',
  'pre_order',
  'reprinting',
  'out_of_print',
  'unavailable',
] as const;

export type AvailabilityState = (typeof AVAILABILITY_STATES)[number];

/** French names of the states, for the catalog filter. */
export const AVAILABILITY_STATE_LABELS = {
  in_stock: 'En stock',
  to_order: 'Sur commande',
  pre_order: 'À paraître',
  reprinting: 'Réimpression',
  out_of_print: 'Épuisé',
  unavailable: 'Indisponible',
} as const satisfies Record<AvailabilityState, string>;

/**
 * The values of https://schema.org/ItemAvailability the shop uses in product structured data.
 * Not used: LimitedAvailability, SoldOut, InStoreOnly, OnlineOnly, MadeToOrder, PreSale, Reserved.
 */
export type SchemaOrgAvailability = 'InStock' | 'BackOrder' | 'PreOrder' | 'OutOfStock' | 'Discontinued';

/** A range of business days (Monday–Friday, French public holidays excluded). */
export type BusinessDayRange = { minDays: number; maxDays: number };
