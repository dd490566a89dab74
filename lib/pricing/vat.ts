// VAT breakdown per rate. Prices are incl. VAT (a book's price is set incl. VAT by the publisher),
// so VAT is extracted, once per rate on the rate's total, as French invoices do.
import { BASIS_POINTS_PER_UNIT } from './legal';
import { allocateLargestRemainder, mulDivRoundHalfUp } from './integer-math';

export type VatBreakdownEntry = {
  rateBasisPoints: number;
  /** Goods at this rate, incl. VAT, after discounts. */
  goodsInclVatCents: number;
  /** Share of the shipping fee taxed at this rate, incl. VAT. */
  shippingInclVatCents: number;
  baseExclVatCents: number;
  vatCents: number;
  inclVatCents: number;
};

/** Base excl. VAT of an amount incl. VAT, rounded half up to the cent; VAT is the difference. */
export function extractBaseExclVat(inclVatCents: number, rateBasisPoints: number): number {
  return mulDivRoundHalfUp(inclVatCents, BASIS_POINTS_PER_UNIT, BASIS_POINTS_PER_UNIT + rateBasisPoints);
}

/**
 * Shipping follows the goods (BOFiP BOI-TVA-BASE-10-10-10): with one rate it takes that rate;
 * with several it is split pro rata to each rate's goods amount excl. VAT. The split uses the
 * largest-remainder method so the parts sum exactly to the fee.
 */
export function buildVatBreakdown(
  goodsByRate: ReadonlyMap<number, number>,
  shippingInclVatCents: number,
): VatBreakdownEntry[] {
  const rates = [...goodsByRate.keys()].sort((a, b) => a - b);
  const goodsIncl = rates.map((rate) => goodsByRate.get(rate) ?? 0);
  const goodsExcl = rates.map((rate, index) => extractBaseExclVat(goodsIncl[index] ?? 0, rate));
  const shippingParts = allocateLargestRemainder(shippingInclVatCents, goodsExcl);

  return rates.map((rate, index) => {
    const goods = goodsIncl[index] ?? 0;
    const shipping = shippingParts[index] ?? 0;
    const inclVatCents = goods + shipping;
    const baseExclVatCents = extractBaseExclVat(inclVatCents, rate);
    return {
      rateBasisPoints: rate,
      goodsInclVatCents: goods,
      shippingInclVatCents: shipping,
      baseExclVatCents,
      vatCents: inclVatCents - baseExclVatCents,
      inclVatCents,
    };
  });
}
