import { describe, expect, test } from 'vitest';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';
import { PAY_BUTTON_LABEL, WITHDRAWAL_REFUND_NOTICE, WITHDRAWAL_RIGHT_NOTICE } from './legal';
import type { ShippingTable } from './shipping';
import { describeShippingTable } from './shipping-table';

// Intl separates the amount from "€" with a no-break space; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('describeShippingTable', () => {
  test('renders the shop table in French', () => {
    const description = describeShippingTable(SHOP_SHIPPING_TABLE);
    const rows = description.sections.map((section) => ({
      label: section.label,
      rows: section.rows.map((row) => ({ range: plain(row.range), fee: plain(row.fee) })),
    }));
    expect(rows).toEqual([
      {
        label: 'Livraison à domicile (Colissimo)',
        rows: [
          { range: 'Commande inférieure à 35,00 €', fee: '4,90 € par commande' },
          { range: 'Commande à partir de 35,00 €', fee: '0,01 € par commande' },
        ],
      },
      { label: 'Retrait en librairie', rows: [{ range: 'Toute commande', fee: 'Gratuit' }] },
    ]);
    expect(plain(description.legalNote)).toContain('3,00 € TTC');
  });

  test('describes middle tiers with both bounds', () => {
    const table: ShippingTable = {
      ...SHOP_SHIPPING_TABLE,
      home_delivery: {
        label: 'Colis',
        tiers: [
          { fromGoodsCents: 0, feeCents: 590 },
          { fromGoodsCents: 2_000, feeCents: 490 },
          { fromGoodsCents: 3_500, feeCents: 1 },
        ],
      },
    };
    const middle = describeShippingTable(table).sections[0]?.rows[1];
    expect(middle && plain(middle.range)).toBe('Commande de 20,00 € à moins de 35,00 €');
  });

  test('refuses a table that does not start at 0 € (a configuration error, thrown)', () => {
    const broken: ShippingTable = {
      ...SHOP_SHIPPING_TABLE,
      home_delivery: { label: 'Colis', tiers: [{ fromGoodsCents: 100, feeCents: 490 }] },
    };
    expect(() => describeShippingTable(broken)).toThrow(/start at 0/);
  });
});

describe('order page wording (Code de la consommation)', () => {
  test('pay button label, art. L221-14', () => {
    expect(PAY_BUTTON_LABEL).toBe('Commander avec obligation de paiement');
  });

  test('withdrawal right: 14 days (L221-18), standard shipping refunded (L221-24)', () => {
    expect(WITHDRAWAL_RIGHT_NOTICE).toMatch(/quatorze jours.*L221-18/);
    expect(WITHDRAWAL_REFUND_NOTICE).toMatch(/frais de livraison standard.*L221-24/);
  });
});
