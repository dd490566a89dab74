import type { AvailabilityState, SchemaOrgAvailability } from './availability-state';

// ONIX code list 65, Product availability (EDItEUR): https://ns.editeur.org/onix/en/65
// What each supplier code means for a reader when the shop has no copy on hand.

type SupplierReading = {
  state: Exclude<AvailabilityState, 'in_stock'>;
  schemaOrg: SchemaOrgAvailability;
  /** The product must not be sold at all, even copies already on the shop's shelves. */
  blocksSale: boolean;
};

const forthcoming: SupplierReading = { state: 'pre_order', schemaOrg: 'PreOrder', blocksSale: false };
const orderable: SupplierReading = { state: 'to_order', schemaOrg: 'BackOrder', blocksSale: false };
const reprinting: SupplierReading = { state: 'reprinting', schemaOrg: 'OutOfStock', blocksSale: false };
const outOfPrint: SupplierReading = { state: 'out_of_print', schemaOrg: 'Discontinued', blocksSale: false };
// "Indisponible" for now (may come back) or for good (Discontinued in structured data).
const unavailableForNow: SupplierReading = {
  state: 'unavailable',
  schemaOrg: 'OutOfStock',
  blocksSale: false,
};
const unavailableForGood: SupplierReading = {
  state: 'unavailable',
  schemaOrg: 'Discontinued',
  blocksSale: false,
};

const ONIX_LIST_65: Readonly<Record<string, SupplierReading>> = {
  '01': unavailableForGood, // Cancelled: announced, then abandoned
  '09': unavailableForNow, // Not yet available, postponed indefinitely
  '10': forthcoming, // Not yet available
  '11': forthcoming, // Awaiting stock
  '12': forthcoming, // Not yet available, will be POD
  '20': orderable, // Available
  '21': orderable, // In stock (at the supplier, not in the shop)
  '22': orderable, // To order
  '23': orderable, // POD
  '30': unavailableForNow, // Temporarily unavailable
  '31': unavailableForNow, // Out of stock
  '32': reprinting, // Reprinting
  '33': reprinting, // Awaiting reissue: the same product comes back, as a reprint does
  '34': { ...unavailableForNow, blocksSale: true }, // Temporarily withdrawn from sale
  '40': unavailableForNow, // Not available (reason unspecified)
  '41': unavailableForGood, // Not available, replaced by new product
  '42': unavailableForGood, // Not available, other format available
  '43': unavailableForGood, // No longer supplied by us
  '44': unavailableForNow, // Apply direct (sold by the publisher only)
  '45': unavailableForNow, // Not sold separately
  '46': { ...unavailableForGood, blocksSale: true }, // Withdrawn from sale
  '47': unavailableForGood, // Remaindered
  '48': unavailableForGood, // Not available, replaced by POD (under another ISBN)
  '49': { ...unavailableForGood, blocksSale: true }, // Recalled
  '50': unavailableForNow, // Not sold as set
  '51': outOfPrint, // Not available, publisher indicates OP: "épuisé"
  '52': unavailableForGood, // Not available, publisher no longer sells product in this market
  '97': unavailableForNow, // No recent update received
  '98': unavailableForNow, // No longer receiving updates
  '99': unavailableForNow, // Contact supplier
};

/**
 * Reads a list 65 code. No supplier, or a code the list does not hold, gives "Indisponible":
 * the shop cannot promise what it cannot source.
 */
export function readSupplierCode(code: string | null): SupplierReading {
  if (code === null) return unavailableForNow;
  return ONIX_LIST_65[code.trim()] ?? unavailableForNow;
}
