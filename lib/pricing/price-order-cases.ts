// The table format shared by the priceOrder case files (price-order-*.test.ts): the rules they
// name, the lines and orders they build, and the check each case runs. Test support only.
// Each case names the rule it checks; expected figures are worked out by hand in the comments,
// not copied from the implementation's output.
import { describe, expect, test } from 'vitest';
import type { PricingErrorCode } from './errors';
import type { LegalNoteCode } from './legal';
import { priceOrder } from './price-order';
import type { OrderInput, OrderLineInput } from './schemas';
import type { ShippingTable } from './shipping';

export const RULE = {
  fixedPrice: 'R1 prix unique (loi 81-766 art. 1)',
  institutions: 'R1 collectivités (loi 81-766 art. 3)',
  used: 'R1 occasion hors prix unique',
  shipped: 'R2 livres expédiés (loi 2014-779)',
  pickup: 'R2 retrait en librairie',
  minFee: 'R3 frais minimaux (arrêté 4 avril 2023)',
  perOrder: 'R3 un seul frais par commande',
  vat: 'R4 TVA et ventilation des frais',
  validation: 'Validation des entrées',
} as const;

export const newBook = (publisherPriceCents: number, extra: Partial<OrderLineInput> = {}): OrderLineInput => ({
  ean: '9782070360024',
  title: 'L’Étranger',
  condition: 'new',
  publisherPriceCents,
  vatRateBasisPoints: 550,
  quantity: 1,
  ...extra,
});
export const usedBook = (unitPriceCents: number, extra: Partial<OrderLineInput> = {}): OrderLineInput => ({
  ean: '9782070368228',
  title: 'La Peste (occasion)',
  condition: 'used',
  unitPriceCents,
  vatRateBasisPoints: 550,
  quantity: 1,
  ...extra,
});
export const toteBag = (unitPriceCents: number): OrderLineInput => ({
  ean: '3760000000001',
  title: 'Sac en toile',
  product: 'other',
  condition: 'new',
  unitPriceCents,
  vatRateBasisPoints: 2000,
  quantity: 1,
});
export const order = (lines: OrderLineInput[], extra: Partial<OrderInput> = {}): OrderInput => ({
  lines,
  customerKind: 'individual',
  deliveryMethod: 'home_delivery',
  ...extra,
});

// A shop that tries to offer free delivery: the law must raise it.
export const FREE_TABLE: ShippingTable = {
  home_delivery: { label: 'Livraison offerte', tiers: [{ fromGoodsCents: 0, feeCents: 0 }] },
  shop_pickup: { label: 'Retrait', tiers: [{ fromGoodsCents: 0, feeCents: 0 }] },
};

type Success = {
  ok: true;
  unitPricesCents?: number[];
  /** The order's delivery fee. */
  shippingCents?: number;
  legalMinimumCents?: number | null;
  shippingDiscountCents?: number;
  totalInclVatCents?: number;
  vat?: { rateBasisPoints: number; shippingInclVatCents: number; baseExclVatCents: number; vatCents: number }[];
  notes?: LegalNoteCode[];
  absentNotes?: LegalNoteCode[];
};
type Failure = { ok: false; code: PricingErrorCode; messageIncludes: string };
export type PriceOrderCase = {
  rule: string;
  name: string;
  input: unknown;
  table?: ShippingTable;
  expected: Success | Failure;
};

/**
 * Prices each case with its own table, else with `shopTable`: the shop's table
 * (lib/shop/shipping-config.ts) is passed in because lib/shop depends on lib/pricing, not the reverse.
 */
export function testPriceOrderCases(cases: PriceOrderCase[], shopTable: ShippingTable): void {
  describe('priceOrder: table of cases', () => {
    test.each(cases)('$rule — $name', ({ input, table, expected }) => {
      const result = priceOrder(input, { shippingTable: table ?? shopTable });

      if (!expected.ok) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.code).toBe(expected.code);
        expect(result.message).toContain(expected.messageIncludes);
        return;
      }

      if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
      const { order: priced } = result;
      if (expected.unitPricesCents) {
        expect(priced.lines.map((line) => line.unitPriceCents)).toEqual(expected.unitPricesCents);
      }
      if (expected.shippingCents !== undefined) {
        expect(priced.shipping.totalCents).toBe(expected.shippingCents);
      }
      if (expected.legalMinimumCents !== undefined) {
        expect(priced.shipping.legalMinimumCents).toBe(expected.legalMinimumCents);
      }
      if (expected.shippingDiscountCents !== undefined) {
        expect(priced.shipping.discountCents).toBe(expected.shippingDiscountCents);
      }
      if (expected.totalInclVatCents !== undefined) {
        expect(priced.totals.totalInclVatCents).toBe(expected.totalInclVatCents);
      }
      if (expected.vat) {
        expect(
          priced.vat.map(({ rateBasisPoints, shippingInclVatCents, baseExclVatCents, vatCents }) => ({
            rateBasisPoints,
            shippingInclVatCents,
            baseExclVatCents,
            vatCents,
          })),
        ).toEqual(expected.vat);
      }
      const noteCodes = priced.legalNotes.map((note) => note.code);
      for (const code of expected.notes ?? []) expect(noteCodes).toContain(code);
      for (const code of expected.absentNotes ?? []) expect(noteCodes).not.toContain(code);
    });
  });
}
