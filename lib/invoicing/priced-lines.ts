import { z } from 'zod';

// What an order's stored pricing (lib/pricing's result, Order.pricing) says of each line: the
// publisher's price and the discount per copy, read back by EAN. Pure.

const PricedLinesSchema = z.object({
  lines: z.array(
    z.object({
      ean: z.string(),
      referencePriceCents: z.number(),
      requestedDiscountBasisPoints: z.number(),
      unitDiscountCents: z.number(),
    }),
  ),
});

export type LineDiscount = { publisherPriceCents: number; basisPoints: number; unitDiscountCents: number };

/** Each discounted line's publisher price and discount; an unreadable pricing gives none. */
export function discountsByEan(pricing: unknown): Map<string, LineDiscount> {
  const parsed = PricedLinesSchema.safeParse(pricing);
  if (!parsed.success) return new Map();
  return new Map(
    parsed.data.lines
      .filter((line) => line.unitDiscountCents > 0)
      .map((line) => [
        line.ean,
        {
          publisherPriceCents: line.referencePriceCents,
          basisPoints: line.requestedDiscountBasisPoints,
          unitDiscountCents: line.unitDiscountCents,
        },
      ]),
  );
}
