// Public API of the pricing module. Pure: no database, no framework.
export { priceOrder, type OrderTotals, type PricedOrder, type PriceOrderOptions } from './price-order';
export type { PricedLine } from './line-price';
export {
  checkNegotiatedDiscounts,
  hasFreeSchoolbookPrice,
  isOrganisationKind,
  lendingRightDueCents,
  LENDING_RIGHT_BASIS_POINTS,
  organisationDiscountCap,
  organisationUnitPrice,
  ORGANISATION_KINDS,
  type DiscountCap,
  type OrganisationDiscounts,
  type OrganisationKind,
  type OrganisationUnitPrice,
  type PurchaseContext,
} from './organisation-pricing';
export type { ShippingQuote, ShippingTable, ShippingMethodConfig, ShippingTier } from './shipping';
export type { VatBreakdownEntry } from './vat';
export { PRICING_ERROR_CODES, type PricingFailure, type PricingErrorCode, type PricingResult } from './errors';
export {
  OrderInputSchema,
  OrderLineInputSchema,
  type CustomerKind,
  type DeliveryMethod,
  type OrderInput,
  type OrderLineInput,
} from './schemas';
export {
  describeShippingTable,
  type ShippingTableDescription,
  type ShippingTableRow,
  type ShippingTableSection,
} from './shipping-table';
export {
  BOOK_VAT_RATE_BASIS_POINTS,
  LEGAL_MIN_SHIPPING,
  LEGAL_NOTE_TEXTS,
  MAX_INSTITUTION_DISCOUNT_BASIS_POINTS,
  MAX_RETAIL_DISCOUNT_BASIS_POINTS,
  PAY_BUTTON_LABEL,
  SUPPORTED_VAT_RATES_BASIS_POINTS,
  WITHDRAWAL_REFUND_NOTICE,
  WITHDRAWAL_RIGHT_NOTICE,
  type LegalNote,
  type LegalNoteCode,
} from './legal';
