// The shop's own delivery fees, incl. VAT. They sit above the legal floor (3 € below 35 € of
// new books, 0,01 € from 35 €: arrêté du 4 avril 2023); pricing raises any fee below it.
// Edit this table to change prices; the terms page renders it with describeShippingTable().
import type { ShippingTable } from '@/lib/pricing/shipping';

export const SHOP_SHIPPING_TABLE = {
  home_delivery: {
    label: 'Livraison à domicile (Colissimo)',
    tiers: [
      { fromGoodsCents: 0, feeCents: 490 },
      // 0,01 € is the legal minimum from 35 € of new books: delivery can never be free.
      { fromGoodsCents: 3_500, feeCents: 1 },
    ],
  },
  shop_pickup: {
    label: 'Retrait en librairie',
    tiers: [{ fromGoodsCents: 0, feeCents: 0 }],
  },
} as const satisfies ShippingTable;
