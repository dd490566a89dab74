// R4, VAT by rate, with the delivery fee split between the rates pro rata to their goods excl. VAT.
import { newBook, order, RULE, testPriceOrderCases, toteBag, type PriceOrderCase } from './price-order-cases';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

const cases: PriceOrderCase[] = [
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
      shippingCents: 490,
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
      shippingCents: 1,
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
];

testPriceOrderCases(cases, SHOP_SHIPPING_TABLE);
