// What a copy costs the shop: the publisher's price excl. VAT less the bookseller's discount
// ("remise"), which distributors state on the publisher's price excl. VAT. Pure, integer cents.
// The publisher's price is fixed incl. VAT (loi n° 81-766 du 10 août 1981, art. 1); the shop's
// margin is the discount it obtains (art. 2 sets its minimum for booksellers' services).
import { extractBaseExclVat } from '@/lib/pricing/vat';
import { mulDivRoundHalfUp } from '@/lib/pricing/integer-math';

export const FULL_DISCOUNT_BASIS_POINTS = 10_000;

/** Purchase price of one copy excl. VAT, rounded half up to the cent. */
export function unitCostExclVat(input: {
  publisherPriceCents: number;
  vatRateBasisPoints: number;
  discountBasisPoints: number;
}): number {
  const { publisherPriceCents, vatRateBasisPoints, discountBasisPoints } = input;
  if (
    !Number.isInteger(discountBasisPoints) ||
    discountBasisPoints < 0 ||
    discountBasisPoints > FULL_DISCOUNT_BASIS_POINTS
  )
    throw new RangeError(`discount out of bounds: ${discountBasisPoints}`);
  const exclVat = extractBaseExclVat(publisherPriceCents, vatRateBasisPoints);
  return mulDivRoundHalfUp(exclVat, FULL_DISCOUNT_BASIS_POINTS - discountBasisPoints, FULL_DISCOUNT_BASIS_POINTS);
}

/** "35", "35,5", "35.25 %" → 3500, 3550, 3525 basis points; null when it is not a percentage. */
export function parseDiscountPercent(input: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(input.replace(/[\s%]/g, ''));
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= FULL_DISCOUNT_BASIS_POINTS ? basisPoints : null;
}

/** 3550 → "35,5 %". */
export function formatDiscount(basisPoints: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;
}
