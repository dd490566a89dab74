// Inputs priceOrder refuses, each with its error code and a French message.
import { newBook, order, RULE, testPriceOrderCases, usedBook, type PriceOrderCase } from './price-order-cases';
import type { OrderLineInput } from './schemas';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

const cases: PriceOrderCase[] = [
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

testPriceOrderCases(cases, SHOP_SHIPPING_TABLE);
