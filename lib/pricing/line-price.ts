// Price of one order line: the book price law decides which discount may touch the book.
import { pricingFailure, type PricingFailure } from './errors';
import { mulDivFloor } from './integer-math';
import {
  BASIS_POINTS_PER_UNIT,
  MAX_INSTITUTION_DISCOUNT_BASIS_POINTS,
  MAX_RETAIL_DISCOUNT_BASIS_POINTS,
} from './legal';
import type { CustomerKind, DeliveryMethod, ParsedLine } from './schemas';

export type PricedLine = {
  ean: string;
  title: string;
  product: ParsedLine['product'];
  condition: ParsedLine['condition'];
  fixedPrice: boolean;
  quantity: number;
  vatRateBasisPoints: number;
  /** Price before discount incl. VAT: publisher's price for new books, the shop's otherwise. */
  referencePriceCents: number;
  requestedDiscountBasisPoints: number;
  /** Discount on the book itself, per copy; rounded down to the cent. */
  unitDiscountCents: number;
  unitPriceCents: number;
  lineDiscountCents: number;
  lineTotalCents: number;
  /** Requested discount that the 2014 law moves from these shipped new books to the shipping fee. */
  movedToShippingCents: number;
};

export type LineContext = {
  customerKind: CustomerKind;
  deliveryMethod: DeliveryMethod;
  shopDiscountBasisPoints: number | undefined;
};

export function maxDiscountBasisPoints(customerKind: CustomerKind): number {
  // Loi n° 81-766, art. 3: 9 % for the State, local authorities, schools and libraries buying
  // for their own needs; art. 1: 5 % for everyone else.
  return customerKind === 'individual' ? MAX_RETAIL_DISCOUNT_BASIS_POINTS : MAX_INSTITUTION_DISCOUNT_BASIS_POINTS;
}

function discountLimitMessage(title: string, customerKind: CustomerKind): string {
  return customerKind === 'individual'
    ? `« ${title} » : la remise ne peut dépasser 5 % du prix fixé par l’éditeur (loi n° 81-766 du 10 août 1981, art. 1).`
    : `« ${title} » : la remise ne peut dépasser 9 % du prix fixé par l’éditeur pour un achat d’une collectivité, d’un établissement d’enseignement ou d’une bibliothèque pour ses besoins propres (loi n° 81-766 du 10 août 1981, art. 3).`;
}

/** The line's ceiling: a free schoolbook's price has none, for an art. 3 buyer only (art. 3, last paragraph). */
function lineCeilingBasisPoints(line: ParsedLine, customerKind: CustomerKind): number {
  if (line.freeSchoolbook && customerKind !== 'individual') return BASIS_POINTS_PER_UNIT;
  return maxDiscountBasisPoints(customerKind);
}

export function priceLine(line: ParsedLine, context: LineContext): { ok: true; line: PricedLine } | PricingFailure {
  const requested = line.discountBasisPoints ?? context.shopDiscountBasisPoints ?? 0;
  if (line.fixedPrice && requested > lineCeilingBasisPoints(line, context.customerKind)) {
    return pricingFailure('DISCOUNT_ABOVE_LEGAL_LIMIT', discountLimitMessage(line.title, context.customerKind));
  }

  // Loi n° 2014-779 (art. 1, al. 4 of loi n° 81-766): a new book shipped to a retail buyer sells
  // at the publisher's price; the discount may only go to the delivery fee. Institutions keep it
  // on the books: art. 3 derogates from that paragraph.
  const shippedRetailNewBook =
    line.fixedPrice && context.deliveryMethod === 'home_delivery' && context.customerKind === 'individual';
  const appliedBasisPoints = shippedRetailNewBook ? 0 : requested;

  // Rounded down so that 95 % (91 %) of the publisher's price is never crossed by half a cent.
  const unitDiscountCents = mulDivFloor(line.referencePriceCents, appliedBasisPoints, BASIS_POINTS_PER_UNIT);
  const unitPriceCents = line.referencePriceCents - unitDiscountCents;
  const movedPerUnit = shippedRetailNewBook
    ? mulDivFloor(line.referencePriceCents, requested, BASIS_POINTS_PER_UNIT)
    : 0;

  return {
    ok: true,
    line: {
      ean: line.ean,
      title: line.title,
      product: line.product,
      condition: line.condition,
      fixedPrice: line.fixedPrice,
      quantity: line.quantity,
      vatRateBasisPoints: line.vatRateBasisPoints,
      referencePriceCents: line.referencePriceCents,
      requestedDiscountBasisPoints: requested,
      unitDiscountCents,
      unitPriceCents,
      lineDiscountCents: unitDiscountCents * line.quantity,
      lineTotalCents: unitPriceCents * line.quantity,
      movedToShippingCents: movedPerUnit * line.quantity,
    },
  };
}
