// R3, the minimum delivery fee (loi n° 2021-1901 « Darcos », arrêté du 4 avril 2023): 3 € per
// order below 35 € of new books, 0,01 € from 35 €, whatever the shop's table and however many
// parcels; no floor for an order without new books.
import {
  FREE_TABLE,
  newBook,
  order,
  RULE,
  testPriceOrderCases,
  toteBag,
  usedBook,
  type PriceOrderCase,
} from './price-order-cases';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

const cases: PriceOrderCase[] = [
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
];

testPriceOrderCases(cases, SHOP_SHIPPING_TABLE);
