// R2, the discount by delivery method (loi n° 2014-779): shipped new books sell at their full
// price and the 5 % may only come off the delivery fee; collected in the shop, the 5 % comes off
// the books and the pickup is free.
import { newBook, order, RULE, testPriceOrderCases, usedBook, type PriceOrderCase } from './price-order-cases';
import type { ShippingTable } from './shipping';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

// 3,50 € per parcel: room above the order's 3 € floor for the moved discount.
const TABLE_350: ShippingTable = {
  home_delivery: { label: 'Colis', tiers: [{ fromGoodsCents: 0, feeCents: 350 }] },
  shop_pickup: { label: 'Retrait', tiers: [{ fromGoodsCents: 0, feeCents: 0 }] },
};

const cases: PriceOrderCase[] = [
  // --- R2: shipped new books sell at 100 %, the 5 % may only go to shipping ---
  {
    rule: RULE.shipped,
    name: 'shop-wide 5 % on a shipped 20 € book: book at 20 €, 1,00 € off the 4,90 € fee',
    // 5 % of 2000 = 100; room above the floor 490 − 300 = 190 ≥ 100.
    input: order([newBook(2000)], { shopDiscountBasisPoints: 500 }),
    expected: {
      ok: true,
      unitPricesCents: [2000],
      shippingCents: 390,
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
      shippingCents: 1,
      shippingDiscountCents: 0,
      totalInclVatCents: 4001,
      absentNotes: ['DISCOUNT_MOVED_TO_SHIPPING'],
    },
  },
  {
    rule: RULE.shipped,
    name: 'moved discount granted on the delivery, only down to the order’s 3 € floor',
    // 5 % of 3000 = 150; the order's 3,50 € fee leaves 0,50 € of room above its 3 € floor.
    input: order([newBook(3000)], { shopDiscountBasisPoints: 500 }),
    table: TABLE_350,
    expected: { ok: true, unitPricesCents: [3000], shippingCents: 300, shippingDiscountCents: 50 },
  },
  {
    rule: RULE.shipped,
    name: 'moved discount larger than the room: only the room is granted',
    // 5 % of 3000 = 150, one 3,50 € parcel leaves 50 of room above the 3 € floor.
    input: order([newBook(3000)], { shopDiscountBasisPoints: 500 }),
    table: TABLE_350,
    expected: { ok: true, shippingCents: 300, shippingDiscountCents: 50, totalInclVatCents: 3300 },
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
    expected: { ok: true, unitPricesCents: [700], shippingCents: 490, totalInclVatCents: 1190 },
  },

  // --- R2: pickup in the shop ---
  {
    rule: RULE.pickup,
    name: '5 % on a 20 € book collected in the shop: 19 €, pickup free',
    input: order([newBook(2000)], { deliveryMethod: 'shop_pickup', shopDiscountBasisPoints: 500 }),
    expected: {
      ok: true,
      unitPricesCents: [1900],
      shippingCents: 0,
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
    expected: { ok: true, shippingCents: 0, totalInclVatCents: 3499 },
  },
];

testPriceOrderCases(cases, SHOP_SHIPPING_TABLE);
