// Organisations' prices under loi n° 81-766 (art. 1 and 3) and the lending right (loi n° 2003-517):
// one row per kind of buyer and case of the law, each with its article.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkNegotiatedDiscounts,
  lendingRightDueCents,
  organisationDiscountCap,
  organisationUnitPrice,
  ORGANISATION_KINDS,
  type DiscountCapRule,
  type OrganisationKind,
} from './organisation-pricing';

type CapCase = {
  kind: OrganisationKind;
  schoolbook: boolean;
  forOwnNeeds: boolean;
  basisPoints: number;
  rule: DiscountCapRule;
  law: string;
};

const CAPS: CapCase[] = [
  // Art. 3, 2°: libraries open to the public, for their collections; 9 % even on a schoolbook.
  {
    kind: 'library',
    schoolbook: false,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'library_collections',
    law: 'art. 3, 2°',
  },
  {
    kind: 'library',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'library_collections',
    law: 'art. 3, 2° (the schoolbook paragraph does not name libraries)',
  },
  {
    kind: 'library',
    schoolbook: false,
    forOwnNeeds: false,
    basisPoints: 500,
    rule: 'retail',
    law: 'art. 1 (not for its collections)',
  },
  // Art. 3, 1°: for their own needs, excluding resale.
  { kind: 'state', schoolbook: false, forOwnNeeds: true, basisPoints: 900, rule: 'own_needs', law: 'art. 3, 1°' },
  {
    kind: 'local_authority',
    schoolbook: false,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1°',
  },
  {
    kind: 'teaching_establishment',
    schoolbook: false,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1°',
  },
  {
    kind: 'training_or_research_establishment',
    schoolbook: false,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1°',
  },
  { kind: 'trade_union', schoolbook: false, forOwnNeeds: true, basisPoints: 900, rule: 'own_needs', law: 'art. 3, 1°' },
  {
    kind: 'works_council',
    schoolbook: false,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1° (comité d’entreprise, now CSE)',
  },
  {
    kind: 'state',
    schoolbook: false,
    forOwnNeeds: false,
    basisPoints: 500,
    rule: 'retail',
    law: 'art. 1 (bought to resell)',
  },
  {
    kind: 'works_council',
    schoolbook: false,
    forOwnNeeds: false,
    basisPoints: 500,
    rule: 'retail',
    law: 'art. 1 (bought to resell)',
  },
  // Art. 3, last paragraph: schoolbooks at a free price for the State, local authorities, teaching establishments.
  {
    kind: 'state',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 10_000,
    rule: 'free_schoolbook',
    law: 'art. 3, last paragraph',
  },
  {
    kind: 'local_authority',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 10_000,
    rule: 'free_schoolbook',
    law: 'art. 3, last paragraph',
  },
  {
    kind: 'teaching_establishment',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 10_000,
    rule: 'free_schoolbook',
    law: 'art. 3, last paragraph',
  },
  {
    kind: 'local_authority',
    schoolbook: true,
    forOwnNeeds: false,
    basisPoints: 500,
    rule: 'retail',
    law: 'art. 1 (schoolbooks resold)',
  },
  // The schoolbook paragraph names neither training nor research establishments, unions nor CSEs.
  {
    kind: 'training_or_research_establishment',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1° only',
  },
  {
    kind: 'trade_union',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1° only',
  },
  {
    kind: 'works_council',
    schoolbook: true,
    forOwnNeeds: true,
    basisPoints: 900,
    rule: 'own_needs',
    law: 'art. 3, 1° only',
  },
  // Art. 1: companies and law firms are buyers like any other, whatever they buy for.
  { kind: 'company', schoolbook: false, forOwnNeeds: true, basisPoints: 500, rule: 'retail', law: 'art. 1' },
  { kind: 'company', schoolbook: true, forOwnNeeds: true, basisPoints: 500, rule: 'retail', law: 'art. 1' },
  // A bookshop buying to resell: art. 1 binds the price it charges the public, not the trade price.
  { kind: 'reseller', schoolbook: false, forOwnNeeds: false, basisPoints: 10_000, rule: 'resale', law: 'art. 1' },
  { kind: 'reseller', schoolbook: false, forOwnNeeds: true, basisPoints: 10_000, rule: 'resale', law: 'art. 1' },
];

describe('the ceiling of the discount, by kind of buyer (loi n° 81-766)', () => {
  test.each(CAPS)(
    '$kind, schoolbook $schoolbook, own needs $forOwnNeeds: $basisPoints bp ($law)',
    ({ kind, schoolbook, forOwnNeeds, basisPoints, rule }) => {
      const cap = organisationDiscountCap(kind, { schoolbook, forOwnNeeds });
      expect(cap.basisPoints).toBe(basisPoints);
      expect(cap.rule).toBe(rule);
      expect(cap.citation).toBe(
        rule === 'own_needs' || rule === 'library_collections' || rule === 'free_schoolbook'
          ? 'loi n° 81-766, art. 3'
          : 'loi n° 81-766, art. 1',
      );
    },
  );

  test('every kind is in the table, for its usual purchase', () => {
    expect(new Set(CAPS.map((row) => row.kind))).toEqual(new Set(ORGANISATION_KINDS));
  });
});

describe('the negotiated discount, checked when staff save it', () => {
  test('10 % for a library is refused, citing art. 3', () => {
    const result = checkNegotiatedDiscounts('library', {
      discountBasisPoints: 1_000,
      schoolbookDiscountBasisPoints: null,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'DISCOUNT_ABOVE_LEGAL_LIMIT',
      message: 'Remise de 10\u00a0% refusée : au plus 9\u00a0% pour une bibliothèque (loi n° 81-766, art. 3).',
    });
  });

  test.each<[OrganisationKind, number, boolean]>([
    ['library', 900, true],
    ['state', 900, true],
    ['works_council', 901, false],
    ['company', 500, true],
    ['company', 600, false],
    ['reseller', 3_500, true],
  ])('%s at %d bp: accepted %s', (kind, discountBasisPoints, accepted) => {
    expect(checkNegotiatedDiscounts(kind, { discountBasisPoints, schoolbookDiscountBasisPoints: null }).ok).toBe(
      accepted,
    );
  });

  test('a company is told 5 % and art. 1', () => {
    const result = checkNegotiatedDiscounts('company', {
      discountBasisPoints: 600,
      schoolbookDiscountBasisPoints: null,
    });
    expect(result.ok === false && result.message).toBe(
      'Remise de 6\u00a0% refusée : au plus 5\u00a0% pour une entreprise ou un cabinet (loi n° 81-766, art. 1).',
    );
  });

  test('a schoolbook discount only for the State, a local authority or a teaching establishment', () => {
    const school = { discountBasisPoints: 900, schoolbookDiscountBasisPoints: 2_500 };
    expect(checkNegotiatedDiscounts('teaching_establishment', school).ok).toBe(true);
    expect(checkNegotiatedDiscounts('local_authority', school).ok).toBe(true);
    expect(checkNegotiatedDiscounts('library', school)).toMatchObject({
      ok: false,
      code: 'SCHOOLBOOK_DISCOUNT_NOT_ALLOWED',
    });
  });
});

describe('a copy’s price for an organisation (integer cents, discount rounded down)', () => {
  const none = { schoolbookDiscountBasisPoints: null };
  test.each([
    // 9 % of 19,99 € = 1,7991 € → 1,79 €: 18,20 €, above 91 % (18,1909 €).
    { kind: 'library' as const, price: 1_999, discount: 900, schoolbook: false, own: true, unit: 1_820, applied: 900 },
    // Negotiated 9 %, but bought to resell: capped at 5 % (art. 1): 5 % of 19,99 € = 0,9995 € → 0,99 €.
    { kind: 'state' as const, price: 1_999, discount: 900, schoolbook: false, own: false, unit: 1_900, applied: 500 },
    // A company's 5 %: 42,00 € → 39,90 €.
    { kind: 'company' as const, price: 4_200, discount: 500, schoolbook: false, own: true, unit: 3_990, applied: 500 },
    // No discount negotiated: the publisher's price.
    { kind: 'trade_union' as const, price: 3_000, discount: 0, schoolbook: false, own: true, unit: 3_000, applied: 0 },
    // A reseller's trade discount of 35 %: 20,00 € → 13,00 €.
    {
      kind: 'reseller' as const,
      price: 2_000,
      discount: 3_500,
      schoolbook: false,
      own: false,
      unit: 1_300,
      applied: 3_500,
    },
  ])('$kind: $price c at $discount bp → $unit c', ({ kind, price, discount, schoolbook, own, unit, applied }) => {
    const priced = organisationUnitPrice({
      kind,
      discounts: { discountBasisPoints: discount, ...none },
      publisherPriceCents: price,
      purchase: { schoolbook, forOwnNeeds: own },
    });
    expect(priced.unitPriceCents).toBe(unit);
    expect(priced.appliedBasisPoints).toBe(applied);
    expect(priced.unitDiscountCents + priced.unitPriceCents).toBe(price);
  });

  test('a schoolbook for a teaching establishment takes its schoolbook discount (art. 3, last paragraph)', () => {
    const discounts = { discountBasisPoints: 900, schoolbookDiscountBasisPoints: 2_000 };
    const manual = organisationUnitPrice({
      kind: 'teaching_establishment',
      discounts,
      publisherPriceCents: 2_490,
      purchase: { schoolbook: true, forOwnNeeds: true },
    });
    expect(manual).toMatchObject({ appliedBasisPoints: 2_000, unitDiscountCents: 498, unitPriceCents: 1_992 });
    const essay = organisationUnitPrice({
      kind: 'teaching_establishment',
      discounts,
      publisherPriceCents: 2_490,
      purchase: { schoolbook: false, forOwnNeeds: true },
    });
    // 9 % of 24,90 € = 2,241 € → 2,24 €.
    expect(essay).toMatchObject({ appliedBasisPoints: 900, unitPriceCents: 2_266 });
  });

  test('a library’s schoolbook discount, were one stored, is never applied: 9 % at most', () => {
    const priced = organisationUnitPrice({
      kind: 'library',
      discounts: { discountBasisPoints: 900, schoolbookDiscountBasisPoints: 3_000 },
      publisherPriceCents: 1_000,
      purchase: { schoolbook: true, forOwnNeeds: true },
    });
    expect(priced.unitPriceCents).toBe(910);
  });

  test('property: the price never falls below the floor the law sets for the purchase', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORGANISATION_KINDS),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        fc.boolean(),
        fc.boolean(),
        (kind, price, discount, schoolbookDiscount, schoolbook, forOwnNeeds) => {
          const purchase = { schoolbook, forOwnNeeds };
          const priced = organisationUnitPrice({
            kind,
            discounts: { discountBasisPoints: discount, schoolbookDiscountBasisPoints: schoolbookDiscount },
            publisherPriceCents: price,
            purchase,
          });
          const cap = organisationDiscountCap(kind, purchase).basisPoints;
          // price × (10 000 − cap) ≤ unit price × 10 000, in integers.
          expect(priced.unitPriceCents * 10_000).toBeGreaterThanOrEqual(price * (10_000 - cap));
          expect(priced.unitPriceCents).toBeLessThanOrEqual(price);
          expect(Number.isSafeInteger(priced.unitPriceCents)).toBe(true);
        },
      ),
    );
  });
});

describe('the lending right owed on a library’s purchase (6 % of the public price excl. VAT)', () => {
  test.each([
    // 21,10 € at 5,5 % → 20,00 € HT → 1,20 €.
    { price: 2_110, vat: 550, quantity: 1, due: 120 },
    // 3 × 19,99 € = 59,97 € → 56,8436… → 56,84 € HT → 3,4104 → 3,41 €.
    { price: 1_999, vat: 550, quantity: 3, due: 341 },
    // 0 € books owe nothing.
    { price: 0, vat: 550, quantity: 2, due: 0 },
  ])('$quantity × $price c at $vat bp: $due c', ({ price, vat, quantity, due }) => {
    expect(lendingRightDueCents({ publisherPriceCents: price, vatRateBasisPoints: vat, quantity })).toBe(due);
  });
});
