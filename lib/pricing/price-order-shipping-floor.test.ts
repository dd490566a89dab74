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
    expected: { ok: true, shippingCents: 490, legalMinimumCents: 300, totalInclVatCents: 3989 },
  },
  {
    rule: RULE.minFee,
    name: '35,00 € of new books: 0,01 €',
    input: order([newBook(3500)]),
    expected: { ok: true, shippingCents: 1, legalMinimumCents: 1, totalInclVatCents: 3501 },
  },
  {
    rule: RULE.minFee,
    name: '35,01 € of new books: 0,01 €',
    input: order([newBook(3501)]),
    expected: { ok: true, shippingCents: 1, legalMinimumCents: 1, totalInclVatCents: 3502 },
  },
  {
    rule: RULE.minFee,
    name: 'free-delivery table, 34,99 €: raised to the 3,00 € floor',
    input: order([newBook(3499)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 300, totalInclVatCents: 3799, notes: ['MIN_SHIPPING_FEE'] },
  },
  {
    rule: RULE.minFee,
    name: 'free-delivery table, 35,00 €: raised to 0,01 €, never free',
    input: order([newBook(3500)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 1, totalInclVatCents: 3501 },
  },
  {
    rule: RULE.minFee,
    name: 'free-delivery table, 35,01 €: 0,01 €',
    input: order([newBook(3501)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 1 },
  },
  {
    rule: RULE.minFee,
    name: 'threshold counts the whole order: 17,49 € + 17,50 € = 34,99 €',
    input: order([newBook(1749), newBook(1750)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 300, totalInclVatCents: 3799 },
  },
  {
    rule: RULE.minFee,
    name: 'threshold counts quantities: 2 × 17,50 € = 35,00 €',
    input: order([newBook(1750, { quantity: 2 })]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 1, totalInclVatCents: 3501 },
  },
  {
    rule: RULE.minFee,
    name: 'mixed order: 20 € used + 20 € new, new books < 35 € so 3 € floor despite 40 € of goods',
    input: order([newBook(2000), usedBook(2000)]),
    expected: { ok: true, shippingCents: 300, legalMinimumCents: 300, totalInclVatCents: 4300 },
  },
  {
    rule: RULE.minFee,
    name: 'used books only: no legal floor, a free-delivery table stays free',
    input: order([usedBook(1500)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 0, legalMinimumCents: null, absentNotes: ['MIN_SHIPPING_FEE'] },
  },
  {
    rule: RULE.minFee,
    name: 'used books only: default table 4,90 € below 35 €',
    input: order([usedBook(1500)]),
    expected: { ok: true, shippingCents: 490, totalInclVatCents: 1990 },
  },
  {
    rule: RULE.minFee,
    name: 'non-book product only: no legal floor',
    input: order([toteBag(1200)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 0, legalMinimumCents: null },
  },

  // --- R3: one fee per order ---
  // The shop charges one delivery fee for the order, whatever the number of parcels it leaves
  // in; the legal floor is the order's too, "quel que soit le nombre de colis composant cette
  // commande" (arrêté du 4 avril 2023, art. 1).
  {
    rule: RULE.perOrder,
    name: '34,99 €: the table’s 4,90 € once for the order',
    input: order([newBook(3499)]),
    expected: { ok: true, shippingCents: 490, totalInclVatCents: 3989 },
  },
  {
    rule: RULE.perOrder,
    name: 'free-delivery table, 34,99 €: 3,00 € for the order',
    input: order([newBook(3499)]),
    table: FREE_TABLE,
    expected: { ok: true, shippingCents: 300, legalMinimumCents: 300, totalInclVatCents: 3799 },
  },
];

testPriceOrderCases(cases, SHOP_SHIPPING_TABLE);
