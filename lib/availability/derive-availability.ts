import { formatDateShort } from '@/lib/core/date';

import type { AvailabilityState, BusinessDayRange, SchemaOrgAvailability } from './availability-state';
import { readSupplierCode } from './onix-product-availability';
import { forthcomingDate } from './pre-order';

export type AvailabilityInput = {
  /** Copies in the shop, available to sell. */
  onHand: number;
  /** ONIX code list 65 code from the distributor ("21", "31"…); null when there is no supplier. */
  supplierCode: string | null;
  /** Business days from the shop's order to the parcel leaving the shop. */
  supplierLeadTime: BusinessDayRange | null;
  /** Publication date (code 10–12) or reprint date (32–33) when known. */
  expectedDate: Date | null;
  /** The shop's own delay for a copy on the shelf, in business days; default 1 ("sous 24 h"). */
  inStockShipDays?: number;
  /**
   * Only for the label: an expectedDate before this day is stale supplier data and is not shown.
   * The state never depends on the date, because it is stored and filtered on.
   */
  now?: Date;
};

export type Availability = {
  state: AvailabilityState;
  /** Whether a reader can put the book in the cart. */
  orderable: boolean;
  /** What the reader sees, in French. */
  label: string;
  /** Business days before the parcel leaves; null when unknown or not orderable. */
  shipWithin: BusinessDayRange | null;
  /** https://schema.org/ItemAvailability */
  schemaOrg: SchemaOrgAvailability;
  /**
   * A pre-order's publication date, still to come: its copies leave `shipWithin` business days
   * after it (lib/availability/pre-order.ts). Absent for every other book.
   */
  publishedOn?: Date;
};

const DEFAULT_IN_STOCK_SHIP_DAYS = 1;

/**
 * What a reader can expect of a book, from the shop's stock and the distributor's ONIX code
 * list 65 availability (https://ns.editeur.org/onix/en/65).
 * Decisions: docs/decisions/004-availability.md
 * - A copy on hand wins over the supplier code, so the shop sells its last copies of an
 *   out-of-print title, except when the code forbids any sale (34, 46 withdrawn, 49 recalled).
 * - Orderable: in stock, to order, pre-order (a forthcoming title, sold as a pre-order when its
 *   date is known and still to come, else as a book to order). Not orderable: reprinting (no date the shop can
 *   promise while holding the reader's payment), out of print, unavailable.
 */
export function deriveAvailability(input: AvailabilityInput): Availability {
  const shipDays = input.inStockShipDays ?? DEFAULT_IN_STOCK_SHIP_DAYS;
  if (!Number.isInteger(shipDays) || shipDays < 1) {
    throw new RangeError(`inStockShipDays must be a whole number of days ≥ 1, got ${shipDays}`);
  }
  const supplier = readSupplierCode(input.supplierCode);

  if (supplier.blocksSale) return notOrderable('unavailable', 'Indisponible', supplier.schemaOrg);

  if (Number.isFinite(input.onHand) && input.onHand > 0) {
    return {
      state: 'in_stock',
      orderable: true,
      label: `En stock — expédié sous ${formatDays(shipDays)}`,
      shipWithin: { minDays: 0, maxDays: shipDays },
      schemaOrg: 'InStock',
    };
  }

  const shownDate = dateToShow(input.expectedDate, input.now);
  switch (supplier.state) {
    case 'to_order': {
      const leadTime = normalizeLeadTime(input.supplierLeadTime);
      return {
        state: 'to_order',
        orderable: true,
        label: leadTime === null ? 'Sur commande' : `Expédié sous ${formatDayRange(leadTime)}`,
        shipWithin: leadTime,
        schemaOrg: supplier.schemaOrg,
      };
    }
    case 'pre_order': {
      // Sold as a pre-order: paid now, shipped the distributor's lead time after publication. A
      // past or missing date reads as a book to order (docs/decisions/023-pre-orders.md).
      const leadTime = normalizeLeadTime(input.supplierLeadTime);
      const publishedOn = shownDate;
      return {
        state: 'pre_order',
        orderable: true,
        label:
          publishedOn !== null
            ? `Parution le ${formatDateShort(publishedOn)}`
            : leadTime === null
              ? 'Sur commande'
              : `Expédié sous ${formatDayRange(leadTime)}`,
        shipWithin: leadTime,
        schemaOrg: supplier.schemaOrg,
        ...(publishedOn !== null && { publishedOn }),
      };
    }
    case 'reprinting': {
      const label =
        shownDate === null
          ? 'Réimpression en cours'
          : `Réimpression en cours — disponible vers le ${formatDateShort(shownDate)}`;
      return notOrderable('reprinting', label, supplier.schemaOrg);
    }
    case 'out_of_print':
      return notOrderable('out_of_print', 'Épuisé', supplier.schemaOrg);
    case 'unavailable':
      return notOrderable('unavailable', 'Indisponible', supplier.schemaOrg);
  }
}

function notOrderable(state: AvailabilityState, label: string, schemaOrg: SchemaOrgAvailability): Availability {
  return { state, orderable: false, label, shipWithin: null, schemaOrg };
}

function dateToShow(expectedDate: Date | null, now: Date | undefined): Date | null {
  if (expectedDate === null || Number.isNaN(expectedDate.getTime())) return null;
  return now === undefined ? expectedDate : forthcomingDate(expectedDate, now);
}

// Lead times are distributor data typed in by staff: a reversed or negative range is read
// generously rather than breaking the product page.
function normalizeLeadTime(leadTime: BusinessDayRange | null): BusinessDayRange | null {
  if (leadTime === null) return null;
  if (!Number.isFinite(leadTime.minDays) || !Number.isFinite(leadTime.maxDays)) return null;
  const a = Math.max(0, Math.ceil(leadTime.minDays));
  const b = Math.max(0, Math.ceil(leadTime.maxDays));
  return { minDays: Math.min(a, b), maxDays: Math.max(a, b) };
}

function formatDays(days: number): string {
  return days <= 1 ? '24 h' : `${days} jours`;
}

/** "6 à 10 jours", "3 jours" (0–3 or 3–3), "24 h" (up to 1). */
function formatDayRange({ minDays, maxDays }: BusinessDayRange): string {
  if (minDays <= 0 || minDays === maxDays || maxDays <= 1) return formatDays(maxDays);
  return `${minDays} à ${maxDays} jours`;
}
