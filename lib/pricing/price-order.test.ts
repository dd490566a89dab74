// Table-driven cases for priceOrder. Each case names the rule it checks; expected figures are
// worked out by hand in the comments, not copied from the implementation's output.
import { describe, expect, test } from 'vitest';
import type { PricingErrorCode } from './errors';
import type { LegalNoteCode } from './legal';
import { priceOrder } from './price-order';
import type { OrderInput, OrderLineInput } from './schemas';
import type { ShippingTable } from './shipping';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

const RULE = {
  fixedPrice: 'R1 prix unique (loi 81-766 art. 1)',
  institutions: 'R1 collectivités (loi 81-766 art. 3)',
  used: 'R1 occasion hors prix unique',
  shipped: 'R2 livres expédiés (loi 2014-779)',
  pickup: 'R2 retrait en librairie',
  minFee: 'R3 frais minimaux (arrêté 4 avril 2023)',
  parcels: 'R3 plusieurs colis',
  vat: 'R4 TVA et ventilation des frais',
  validation: 'Validation des entrées',
} as const;

const newBook = (publisherPriceCents: number, extra: Partial<OrderLineInput> = {}): OrderLineInput => ({
  ean: '9782070360024',
  title: 'L’Étranger',
  condition: 'new',
  publisherPriceCents,
  vatRateBasisPoints: 550,
  quantity: 1,
  ...extra,
});
const usedBook = (unitPriceCents: number, extra: Partial<OrderLineInput> = {}): OrderLineInput => ({
  ean: '9782070368228',
  title: 'La Peste (occasion)',
  condition: 'used',
  unitPriceCents,
  vatRateBasisPoints: 550,
  quantity: 1,
  ...extra,
});
const toteBag = (unitPriceCents: number): OrderLineInput => ({
  ean: '3760000000001',
  title: 'Sac en toile',
  product: 'other',
  condition: 'new',
  unitPriceCents,
  vatRateBasisPoints: 2000,
  quantity: 1,
});
const order = (lines: OrderLineInput[], extra: Partial<OrderInput> = {}): OrderInput => ({
  lines,
  customerKind: 'individual',
  deliveryMethod: 'home_delivery',
  ...extra,
});

// A shop that tries to offer free delivery: the law must raise it.
const FREE_TABLE: ShippingTable = {
  home_delivery: { label: 'Livraison offerte', tiers: [{ fromGoodsCents: 0, feePerParcelCents: 0 }] },
  shop_pickup: { label: 'Retrait', tiers: [{ fromGoodsCents: 0, feePerParcelCents: 0 }] },
};
// 3,50 € per parcel: room above the order's 3 € floor for the moved discount.
const TABLE_350: ShippingTable = {
  home_delivery: { label: 'Colis', tiers: [{ fromGoodsCents: 0, feePerParcelCents: 350 }] },
  shop_pickup: { label: 'Retrait', tiers: [{ fromGoodsCents: 0, feePerParcelCents: 0 }] },
};

type Success = {
  ok: true;
  unitPricesCents?: number[];
  parcelFeesCents?: number[];
  legalMinimumCents?: number | null;
  shippingDiscountCents?: number;
  totalInclVatCents?: number;
  vat?: { rateBasisPoints: number; shippingInclVatCents: number; baseExclVatCents: number; vatCents: number }[];
  notes?: LegalNoteCode[];
  absentNotes?: LegalNoteCode[];
};
type Failure = { ok: false; code: PricingErrorCode; messageIncludes: string };
type Case = { rule: string; name: string; input: unknown; table?: ShippingTable; expected: Success | Failure };

const cases: Case[] = [
  // --- R3: the 35 € threshold (default table: 4,90 € below 35 €, 0,01 € from 35 €) ---
  {
    rule: RULE.minFee,
    name: '34,99 € of new books: table fee 4,90 € (above the 3 € floor)',
    input: order([newBook(3499)]),
    expected: { ok: true, parcelFeesCents: [490], legalMinimumCents: 300, totalInclVatCents: 3989 },
  },
  {
    rule: RULE.minFee,
    name: '35,00 € of new books: 0,01 €',
    input: order([newBook(3500)]),
    expected: { ok: true, parcelFeesCents: [1], legalMinimumCents: 1, totalInclVatCents: 3501 },
  },
  {
    rule: RULE.minFee,
    name: '35,01 € of new books: 0,01 €',
    input: order([newBook(3501)]),
    expected: { ok: true, parcelFeesCents: [1], legalMinimumCents: 1, totalInclVatCents: 3502 },
  },
  {
    rule: RULE.minFee,
    name: 'free-delivery table, 34,99 €: raised to the 3,00 € floor',
    input: order([newBook(3499)]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [300], totalInclVatCents: 3799, notes: ['MIN_SHIPPING_FEE'] },
  },
  {
    rule: RULE.minFee,
    name: 'free-delivery table, 35,00 €: raised to 0,01 €, never free',
    input: order([newBook(3500)]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [1], totalInclVatCents: 3501 },
  },
  {
    rule: RULE.minFee,
    name: 'free-delivery table, 35,01 €: 0,01 €',
    input: order([newBook(3501)]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [1] },
  },
  {
    rule: RULE.minFee,
    name: 'threshold counts the whole order: 17,49 € + 17,50 € = 34,99 €',
    input: order([newBook(1749), newBook(1750)]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [300], totalInclVatCents: 3799 },
  },
  {
    rule: RULE.minFee,
    name: 'threshold counts quantities: 2 × 17,50 € = 35,00 €',
    input: order([newBook(1750, { quantity: 2 })]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [1], totalInclVatCents: 3501 },
  },
  {
    rule: RULE.minFee,
    name: 'mixed order: 20 € used + 20 € new, new books < 35 € so 3 € floor despite 40 € of goods',
    input: order([newBook(2000), usedBook(2000)]),
    expected: { ok: true, parcelFeesCents: [300], legalMinimumCents: 300, totalInclVatCents: 4300 },
  },
  {
    rule: RULE.minFee,
    name: 'used books only: no legal floor, a free-delivery table stays free',
    input: order([usedBook(1500)]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [0], legalMinimumCents: null, absentNotes: ['MIN_SHIPPING_FEE'] },
  },
  {
    rule: RULE.minFee,
    name: 'used books only: default table 4,90 € below 35 €',
    input: order([usedBook(1500)]),
    expected: { ok: true, parcelFeesCents: [490], totalInclVatCents: 1990 },
  },
  {
    rule: RULE.minFee,
    name: 'non-book product only: no legal floor',
    input: order([toteBag(1200)]),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [0], legalMinimumCents: null },
  },

  // --- R3: several parcels ---
  {
    rule: RULE.parcels,
    name: '34,99 € in 2 parcels: 4,90 € each',
    input: order([newBook(3499)], { parcelCount: 2 }),
    expected: { ok: true, parcelFeesCents: [490, 490], totalInclVatCents: 4479 },
  },
  {
    rule: RULE.parcels,
    name: '35,00 € in 3 parcels: 0,01 € each',
    input: order([newBook(3500)], { parcelCount: 3 }),
    expected: { ok: true, parcelFeesCents: [1, 1, 1], totalInclVatCents: 3503 },
  },
  // The floor is the order's, "quel que soit le nombre de colis" (arrêté du 4 avril 2023, art. 1).
  {
    rule: RULE.parcels,
    name: 'free-delivery table, 34,99 € in 2 parcels: 3,00 € for the order, not for each parcel',
    input: order([newBook(3499)], { parcelCount: 2 }),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [300, 0], legalMinimumCents: 300, totalInclVatCents: 3799 },
  },
  {
    rule: RULE.parcels,
    name: 'free-delivery table, 50 € in 4 parcels: 0,01 € for the order',
    input: order([newBook(5000)], { parcelCount: 4 }),
    table: FREE_TABLE,
    expected: { ok: true, parcelFeesCents: [1, 0, 0, 0], totalInclVatCents: 5001 },
  },

  // --- R2: shipped new books sell at 100 %, the 5 % may only go to shipping ---
  {
    rule: RULE.shipped,
    name: 'shop-wide 5 % on a shipped 20 € book: book at 20 €, 1,00 € off the 4,90 € fee',
    // 5 % of 2000 = 100; room above the floor 490 − 300 = 190 ≥ 100.
    input: order([newBook(2000)], { shopDiscountBasisPoints: 500 }),
    expected: {
      ok: true,
      unitPricesCents: [2000],
      parcelFeesCents: [390],
      shippingDiscountCents: 100,
      totalInclVatCents: 2390,
      notes: ['SHIPPED_BOOKS_FULL_PRICE', 'DISCOUNT_MOVED_TO_SHIPPING', 'MIN_SHIPPING_FEE'],
    },
  },
  {
    rule: RULE.shipped,
    name: 'line 5 % on a shipped 40 € book: fee already at the 0,01 € floor, nothing left to discount',
    input: order([newBook(4000, { discountBasisPoints: 500 })]),
    expected: {
      ok: true,
      unitPricesCents: [4000],
      parcelFeesCents: [1],
      shippingDiscountCents: 0,
      totalInclVatCents: 4001,
      absentNotes: ['DISCOUNT_MOVED_TO_SHIPPING'],
    },
  },
  {
    rule: RULE.shipped,
    name: 'moved discount granted on the delivery of 3 parcels, the order staying above its 3 € floor',
    // 5 % of 3000 = 150; 3 × 3,50 € = 10,50 € leaves 7,50 € of room above the order's 3 € floor.
    input: order([newBook(3000)], { shopDiscountBasisPoints: 500, parcelCount: 3 }),
    table: TABLE_350,
    expected: { ok: true, unitPricesCents: [3000], parcelFeesCents: [200, 350, 350], shippingDiscountCents: 150 },
  },
  {
    rule: RULE.shipped,
    name: 'moved discount larger than the room: only the room is granted',
    // 5 % of 3000 = 150, one 3,50 € parcel leaves 50 of room above the 3 € floor.
    input: order([newBook(3000)], { shopDiscountBasisPoints: 500 }),
    table: TABLE_350,
    expected: { ok: true, parcelFeesCents: [300], shippingDiscountCents: 50, totalInclVatCents: 3300 },
  },
  {
    rule: RULE.shipped,
    name: 'shipped with 6 % requested: refused, not silently capped',
    input: order([newBook(2000, { discountBasisPoints: 600 })]),
    expected: { ok: false, code: 'DISCOUNT_ABOVE_LEGAL_LIMIT', messageIncludes: '5 %' },
  },
  {
    rule: RULE.shipped,
    name: 'used book shipped keeps its own discount (outside the 2014 law)',
    input: order([usedBook(1000, { discountBasisPoints: 3000 })]),
    expected: { ok: true, unitPricesCents: [700], parcelFeesCents: [490], totalInclVatCents: 1190 },
  },

  // --- R2: pickup in the shop ---
  {
    rule: RULE.pickup,
    name: '5 % on a 20 € book collected in the shop: 19 €, pickup free',
    input: order([newBook(2000)], { deliveryMethod: 'shop_pickup', shopDiscountBasisPoints: 500 }),
    expected: {
      ok: true,
      unitPricesCents: [1900],
      parcelFeesCents: [0],
      legalMinimumCents: null,
      totalInclVatCents: 1900,
      notes: ['SHOP_PICKUP'],
      absentNotes: ['MIN_SHIPPING_FEE', 'SHIPPED_BOOKS_FULL_PRICE'],
    },
  },
  {
    rule: RULE.pickup,
    name: 'pickup under 35 € is free: no 3 € floor',
    input: order([newBook(3499)], { deliveryMethod: 'shop_pickup' }),
    expected: { ok: true, parcelFeesCents: [0], totalInclVatCents: 3499 },
  },
  {
    rule: RULE.pickup,
    name: 'pickup ignores parcelCount: one free handover',
    input: order([newBook(3499)], { deliveryMethod: 'shop_pickup', parcelCount: 3 }),
    expected: { ok: true, parcelFeesCents: [0] },
  },
  {
    rule: RULE.fixedPrice,
    name: '5 % of 10,10 € = 0,505 €: discount rounded down to 0,50 €, price 9,60 € (≥ 95 %)',
    input: order([newBook(1010, { discountBasisPoints: 500 })], { deliveryMethod: 'shop_pickup' }),
    expected: { ok: true, unitPricesCents: [960] },
  },
  {
    rule: RULE.fixedPrice,
    name: '5,01 % refused for an individual',
    input: order([newBook(2000, { discountBasisPoints: 501 })], { deliveryMethod: 'shop_pickup' }),
    expected: { ok: false, code: 'DISCOUNT_ABOVE_LEGAL_LIMIT', messageIncludes: 'loi n° 81-766' },
  },
  {
    rule: RULE.fixedPrice,
    name: 'shop-wide 9 % refused for an individual buying a new book',
    input: order([newBook(2000)], { deliveryMethod: 'shop_pickup', shopDiscountBasisPoints: 900 }),
    expected: { ok: false, code: 'DISCOUNT_ABOVE_LEGAL_LIMIT', messageIncludes: '5 %' },
  },
  {
    rule: RULE.fixedPrice,
    name: 'a line discount overrides the shop-wide one (0 % beats 5 %)',
    input: order([newBook(2000, { discountBasisPoints: 0 }), newBook(1000)], {
      deliveryMethod: 'shop_pickup',
      shopDiscountBasisPoints: 500,
    }),
    expected: { ok: true, unitPricesCents: [2000, 950], totalInclVatCents: 2950 },
  },
  {
    rule: RULE.fixedPrice,
    name: 'quantity multiplies the rounded unit price: 3 × (10,10 € − 0,50 €)',
    input: order([newBook(1010, { discountBasisPoints: 500, quantity: 3 })], { deliveryMethod: 'shop_pickup' }),
    expected: { ok: true, unitPricesCents: [960], totalInclVatCents: 2880 },
  },

  // --- R1: second-hand ---
  {
    rule: RULE.used,
    name: 'shop-wide 20 % on used books only: allowed',
    input: order([usedBook(1000), usedBook(500)], { deliveryMethod: 'shop_pickup', shopDiscountBasisPoints: 2000 }),
    expected: { ok: true, unitPricesCents: [800, 400], totalInclVatCents: 1200, notes: ['USED_BOOKS'] },
  },
  {
    rule: RULE.used,
    name: 'mixed new and used at pickup: 5 % on the new book, 50 % on the used one',
    input: order([newBook(2000, { discountBasisPoints: 500 }), usedBook(800, { discountBasisPoints: 5000 })], {
      deliveryMethod: 'shop_pickup',
    }),
    expected: {
      ok: true,
      unitPricesCents: [1900, 400],
      totalInclVatCents: 2300,
      notes: ['FIXED_BOOK_PRICE', 'USED_BOOKS'],
    },
  },

  // --- R1 art. 3: institutions ---
  {
    rule: RULE.institutions,
    name: 'library, 5 %, pickup: 19 €',
    input: order([newBook(2000, { discountBasisPoints: 500 })], {
      customerKind: 'library',
      deliveryMethod: 'shop_pickup',
    }),
    expected: { ok: true, unitPricesCents: [1900], notes: ['INSTITUTION_DISCOUNT'] },
  },
  {
    rule: RULE.institutions,
    name: 'library, 9 %, pickup: 18,20 €',
    input: order([newBook(2000, { discountBasisPoints: 900 })], {
      customerKind: 'library',
      deliveryMethod: 'shop_pickup',
    }),
    expected: { ok: true, unitPricesCents: [1820], totalInclVatCents: 1820 },
  },
  {
    rule: RULE.institutions,
    name: 'school, 9 %, shipped: keeps 9 % on books, table fee without legal floor',
    input: order([newBook(2000, { discountBasisPoints: 900 })], { customerKind: 'school' }),
    expected: {
      ok: true,
      unitPricesCents: [1820],
      parcelFeesCents: [490],
      legalMinimumCents: null,
      totalInclVatCents: 2310,
      absentNotes: ['MIN_SHIPPING_FEE', 'SHIPPED_BOOKS_FULL_PRICE'],
    },
  },
  {
    rule: RULE.institutions,
    name: 'State, free-delivery table: delivery may be free (art. 3 derogates from art. 1 al. 4)',
    input: order([newBook(1000, { discountBasisPoints: 900 })], { customerKind: 'state' }),
    table: FREE_TABLE,
    expected: { ok: true, unitPricesCents: [910], parcelFeesCents: [0], totalInclVatCents: 910 },
  },
  {
    rule: RULE.institutions,
    name: 'local authority, 9,01 % refused',
    input: order([newBook(2000, { discountBasisPoints: 901 })], { customerKind: 'local_authority' }),
    expected: { ok: false, code: 'DISCOUNT_ABOVE_LEGAL_LIMIT', messageIncludes: '9 %' },
  },
  {
    rule: RULE.institutions,
    name: '9 % of 11,11 € = 0,9999 €: rounded down to 0,99 €, price 10,12 €',
    input: order([newBook(1111, { discountBasisPoints: 900 })], {
      customerKind: 'library',
      deliveryMethod: 'shop_pickup',
    }),
    expected: { ok: true, unitPricesCents: [1012] },
  },

  // --- R4: VAT ---
  {
    rule: RULE.vat,
    name: 'single rate: shipping at 5,5 % too; 24,90 € → 23,60 € HT + 1,30 € TVA',
    // 2490 × 10000 / 10550 = 2360.19 → 2360.
    input: order([newBook(2000)]),
    expected: {
      ok: true,
      vat: [{ rateBasisPoints: 550, shippingInclVatCents: 490, baseExclVatCents: 2360, vatCents: 130 }],
    },
  },
  {
    rule: RULE.vat,
    name: 'book 5,5 % + item 20 %: 4,90 € shipping split pro rata to HT (1896 / 1000)',
    // HT: 2000/1.055 = 1895.73 → 1896; 1200/1.2 = 1000. 490 × 1896/2896 = 320.80, 490 × 1000/2896 = 169.20
    // → floors 320 + 169 = 489, the leftover cent to the larger remainder (0.80): 321 / 169.
    // 5,5 %: 2321 → 2200 HT + 121. 20 %: 1369 → 1140.83 → 1141 HT + 228.
    input: order([newBook(2000), toteBag(1200)]),
    expected: {
      ok: true,
      parcelFeesCents: [490],
      totalInclVatCents: 3690,
      vat: [
        { rateBasisPoints: 550, shippingInclVatCents: 321, baseExclVatCents: 2200, vatCents: 121 },
        { rateBasisPoints: 2000, shippingInclVatCents: 169, baseExclVatCents: 1141, vatCents: 228 },
      ],
    },
  },
  {
    rule: RULE.vat,
    name: 'one shipping cent over equal HT weights goes to one rate only (ties: lower rate)',
    // 21,10 € at 5,5 % and 24,00 € at 20 % are both 20,00 € HT; institution so the 0,01 € table fee stands.
    input: order([newBook(2110), toteBag(2400)], { customerKind: 'library' }),
    expected: {
      ok: true,
      parcelFeesCents: [1],
      vat: [
        { rateBasisPoints: 550, shippingInclVatCents: 1, baseExclVatCents: 2001, vatCents: 110 },
        { rateBasisPoints: 2000, shippingInclVatCents: 0, baseExclVatCents: 2000, vatCents: 400 },
      ],
    },
  },
  {
    rule: RULE.vat,
    name: 'pickup: no shipping to split, VAT from goods only',
    // 1055 at 5,5 % → exactly 1000 HT + 55.
    input: order([newBook(1055)], { deliveryMethod: 'shop_pickup' }),
    expected: {
      ok: true,
      vat: [{ rateBasisPoints: 550, shippingInclVatCents: 0, baseExclVatCents: 1000, vatCents: 55 }],
    },
  },

  // --- Validation ---
  {
    rule: RULE.validation,
    name: 'quantity 0 refused',
    input: order([newBook(2000, { quantity: 0 })]),
    expected: { ok: false, code: 'INVALID_QUANTITY', messageIncludes: 'Ligne 1 : la quantité' },
  },
  {
    rule: RULE.validation,
    name: 'negative quantity refused',
    input: order([newBook(2000), newBook(1000, { quantity: -2 })]),
    expected: { ok: false, code: 'INVALID_QUANTITY', messageIncludes: 'Ligne 2 : la quantité' },
  },
  {
    rule: RULE.validation,
    name: 'non-integer quantity refused',
    input: order([newBook(2000, { quantity: 1.5 })]),
    expected: { ok: false, code: 'INVALID_QUANTITY', messageIncludes: 'nombre entier' },
  },
  {
    rule: RULE.validation,
    name: 'quantity as a string refused',
    input: order([{ ...newBook(2000), quantity: '2' } as unknown as OrderLineInput]),
    expected: { ok: false, code: 'INVALID_QUANTITY', messageIncludes: 'quantité' },
  },
  {
    rule: RULE.validation,
    name: 'empty order refused',
    input: order([]),
    expected: { ok: false, code: 'EMPTY_ORDER', messageIncludes: 'aucun article' },
  },
  {
    rule: RULE.validation,
    name: 'VAT rate written as a percentage (5.5) refused',
    input: order([newBook(2000, { vatRateBasisPoints: 5.5 })]),
    expected: { ok: false, code: 'UNSUPPORTED_VAT_RATE', messageIncludes: '550 = 5,5 %' },
  },
  {
    rule: RULE.validation,
    name: 'non-integer discount refused',
    input: order([newBook(2000, { discountBasisPoints: 12.5 })]),
    expected: { ok: false, code: 'INVALID_DISCOUNT', messageIncludes: 'remise' },
  },
  {
    rule: RULE.validation,
    name: 'zero parcels refused',
    input: order([newBook(2000)], { parcelCount: 0 }),
    expected: { ok: false, code: 'INVALID_PARCEL_COUNT', messageIncludes: 'colis' },
  },
  {
    rule: RULE.validation,
    name: 'new book priced freely (unitPriceCents) refused',
    input: order([newBook(2000, { unitPriceCents: 1500 })]),
    expected: { ok: false, code: 'PRICE_NOT_ALLOWED', messageIncludes: 'prix fixé par l’éditeur' },
  },
  {
    rule: RULE.validation,
    name: 'new book without publisher price refused',
    input: order([newBook(2000, { publisherPriceCents: undefined })]),
    expected: { ok: false, code: 'MISSING_PRICE', messageIncludes: 'obligatoire' },
  },
  {
    rule: RULE.validation,
    name: 'used book without its price refused',
    input: order([usedBook(1000, { unitPriceCents: undefined, publisherPriceCents: 2000 })]),
    expected: { ok: false, code: 'MISSING_PRICE', messageIncludes: 'occasion' },
  },
  {
    rule: RULE.validation,
    name: 'price in euros with decimals (14.9) refused',
    input: order([newBook(14.9)]),
    expected: { ok: false, code: 'INVALID_INPUT', messageIncludes: 'centimes' },
  },
  {
    rule: RULE.validation,
    name: 'unknown customer kind refused',
    input: order([newBook(2000)], { customerKind: 'reseller' as never }),
    expected: { ok: false, code: 'INVALID_INPUT', messageIncludes: 'client' },
  },
];

describe('priceOrder: table of cases', () => {
  test.each(cases)('$rule — $name', ({ input, table, expected }) => {
    const result = priceOrder(input, { shippingTable: table ?? SHOP_SHIPPING_TABLE });

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
    if (expected.parcelFeesCents) {
      expect(priced.shipping.parcels.map((parcel) => parcel.feeCents)).toEqual(expected.parcelFeesCents);
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
