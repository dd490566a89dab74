// R1, the price of each line (loi n° 81-766): at most 5 % off the publisher's price for an
// individual, 9 % for institutions (art. 3), any discount on second-hand books; discounts are
// rounded down to the cent.
import {
  FREE_TABLE,
  newBook,
  order,
  RULE,
  testPriceOrderCases,
  usedBook,
  type PriceOrderCase,
} from './price-order-cases';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

const cases: PriceOrderCase[] = [
  // --- R1: new books, at most 5 % off the publisher's price ---
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
      shippingCents: 490,
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
    expected: { ok: true, unitPricesCents: [910], shippingCents: 0, totalInclVatCents: 910 },
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
];

testPriceOrderCases(cases, SHOP_SHIPPING_TABLE);
