// An organisation's order on account priced by priceOrder: the discount each kind of buyer gets
// on the books (loi n° 81-766, art. 1 and 3) and the delivery rules that follow from it.
import { describe, expect, test } from 'vitest';
import { priceOrder } from './price-order';
import { customerKindOfOrganisation, organisationDiscountLabel, organisationOrderInput } from './organisation-order';
import { ORGANISATION_KINDS, type OrganisationKind } from './organisation-pricing';
import type { ShippingTable } from './shipping';

const TABLE: ShippingTable = {
  home_delivery: { label: 'Colissimo', tiers: [{ fromGoodsCents: 0, feeCents: 490 }] },
  shop_pickup: { label: 'Retrait', tiers: [{ fromGoodsCents: 0, feeCents: 0 }] },
};

const BOOK = { ean: '9782000000001', title: 'Droit civil', vatRateBasisPoints: 550, schoolbook: false, quantity: 2 };

function price(kind: OrganisationKind, discountBasisPoints: number, deliveryMethod: 'home_delivery' | 'shop_pickup') {
  const input = organisationOrderInput(
    { kind, discounts: { discountBasisPoints, schoolbookDiscountBasisPoints: null } },
    [{ ...BOOK, publisherPriceCents: 2000 }],
    deliveryMethod,
  );
  if (!input.ok) throw new Error(input.message);
  const priced = priceOrder(input.input, { shippingTable: TABLE });
  if (!priced.ok) throw new Error(priced.message);
  return priced.order;
}

describe('organisation orders priced by priceOrder', () => {
  test.each([
    // kind, negotiated, unit price shipped, legal minimum delivery fee, law
    ['library', 900, 1820, null, 'art. 3, 2°: 9 % on the books, no delivery floor'],
    ['state', 900, 1820, null, 'art. 3, 1°'],
    ['local_authority', 900, 1820, null, 'art. 3, 1°'],
    ['teaching_establishment', 900, 1820, null, 'art. 3, 1°'],
    ['training_or_research_establishment', 900, 1820, null, 'art. 3, 1°'],
    ['trade_union', 900, 1820, null, 'art. 3, 1°'],
    ['works_council', 900, 1820, null, 'art. 3, 1° (the CSE as comité d’entreprise)'],
    ['library', 1500, 1820, null, 'art. 3: a discount above 9 % is capped at 9 %'],
    ['company', 500, 2000, 1, 'art. 1 and loi n° 2014-779: shipped at full price, the 5 % on delivery'],
  ] as const)('%s at %i bp, shipped: %i cents a copy (%s)', (kind, discount, unitPriceCents, floor, _law) => {
    const order = price(kind, discount, 'home_delivery');
    expect(order.lines[0]!.unitPriceCents).toBe(unitPriceCents);
    expect(order.shipping.legalMinimumCents).toBe(floor);
  });

  test('a company collecting at the shop gets its 5 % on the books (art. 1)', () => {
    expect(price('company', 500, 'shop_pickup').lines[0]!.unitPriceCents).toBe(1900);
  });

  test.each([
    // kind, schoolbook discount, unit price of a 20,00 € schoolbook, law
    ['teaching_establishment', 2000, 1600, 'art. 3, last paragraph: a schoolbook at a free price'],
    ['local_authority', 2500, 1500, 'art. 3, last paragraph'],
    ['state', 1200, 1760, 'art. 3, last paragraph'],
    ['training_or_research_establishment', 2000, 1820, 'not named by the last paragraph: 9 % (art. 3, 1°)'],
    ['library', 2000, 1820, 'art. 3, 2°: 9 % even on a schoolbook'],
  ] as const)('%s, a schoolbook at %i bp: %i cents a copy (%s)', (kind, schoolbookDiscount, unitPriceCents, _law) => {
    const input = organisationOrderInput(
      // Only the kinds of the last paragraph may have a schoolbook discount; the others use the general one.
      {
        kind,
        discounts: {
          discountBasisPoints:
            kind === 'teaching_establishment' || kind === 'local_authority' || kind === 'state'
              ? 500
              : schoolbookDiscount,
          schoolbookDiscountBasisPoints:
            kind === 'teaching_establishment' || kind === 'local_authority' || kind === 'state'
              ? schoolbookDiscount
              : null,
        },
      },
      [{ ...BOOK, schoolbook: true, publisherPriceCents: 2000 }],
      'home_delivery',
    );
    if (!input.ok) throw new Error(input.message);
    const priced = priceOrder(input.input, { shippingTable: TABLE });
    if (!priced.ok) throw new Error(priced.message);
    expect(priced.order.lines[0]!.unitPriceCents).toBe(unitPriceCents);
  });

  test('a free schoolbook price is never a retail buyer’s, whatever the line says', () => {
    const refused = priceOrder(
      {
        customerKind: 'individual',
        deliveryMethod: 'shop_pickup',
        lines: [
          { ...BOOK, condition: 'new', publisherPriceCents: 2000, discountBasisPoints: 2000, freeSchoolbook: true },
        ],
      },
      { shippingTable: TABLE },
    );
    expect(refused).toMatchObject({ ok: false, code: 'DISCOUNT_ABOVE_LEGAL_LIMIT' });
  });

  test('a reseller does not order on account yet', () => {
    expect(customerKindOfOrganisation('reseller')).toBeNull();
    const input = organisationOrderInput(
      { kind: 'reseller', discounts: { discountBasisPoints: 3000, schoolbookDiscountBasisPoints: null } },
      [{ ...BOOK, publisherPriceCents: 2000 }],
      'home_delivery',
    );
    expect(input).toMatchObject({ ok: false, code: 'RESELLER_NOT_ON_ACCOUNT' });
  });

  test('every other kind maps to a customer kind of priceOrder', () => {
    for (const kind of ORGANISATION_KINDS.filter((candidate) => candidate !== 'reseller')) {
      expect(customerKindOfOrganisation(kind)).not.toBeNull();
    }
  });

  test('the discount is named with its article', () => {
    const library = {
      kind: 'library' as const,
      discounts: { discountBasisPoints: 900, schoolbookDiscountBasisPoints: null },
    };
    expect(organisationDiscountLabel(library)).toBe('Remise libraire 9\u00a0% (loi n° 81-766, art. 3)');
    const company = {
      kind: 'company' as const,
      discounts: { discountBasisPoints: 900, schoolbookDiscountBasisPoints: null },
    };
    expect(organisationDiscountLabel(company)).toBe('Remise libraire 5\u00a0% (loi n° 81-766, art. 1)');
    expect(
      organisationDiscountLabel({ ...library, discounts: { ...library.discounts, discountBasisPoints: 0 } }),
    ).toBeNull();
  });
});
