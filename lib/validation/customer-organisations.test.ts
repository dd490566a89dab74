import { describe, expect, test } from 'vitest';
import { basisPointsToPercent, OrganisationFormSchema, percentToBasisPoints } from './customer-organisations';

describe('a percentage typed by staff, in basis points (integers only)', () => {
  test.each([
    ['9', 900],
    ['8,5', 850],
    ['12.25', 1225],
    ['0', 0],
    ['100', 10_000],
    ['100,01', null],
    ['9 %', null],
    ['-1', null],
    ['8,555', null],
  ])('%s → %s', (typed, basisPoints) => {
    expect(percentToBasisPoints(typed)).toBe(basisPoints);
  });

  test('and back, for the form', () => {
    expect(basisPointsToPercent(850)).toBe('8,5');
    expect(basisPointsToPercent(900)).toBe('9');
  });
});

const base = {
  name: 'Tribunal judiciaire de Nanterre',
  kind: 'state',
  siret: '81234567600009',
  vatNumber: 'FR 19 812 345 676',
  discount: '9',
  paymentTermDays: '30',
  publicBuyer: 'on',
  chorusServiceCode: 'GREFFE',
  billingEmail: 'greffe@tj.example',
  billingLine1: '179-191 avenue Joliot-Curie',
  billingPostalCode: '92000',
  billingCity: 'Nanterre',
  buyers: 'A@tj.example, b@tj.example;a@tj.example',
};

describe('the organisation form', () => {
  test('parses a public buyer: VAT number spaced, buyers lower-cased once each', () => {
    const parsed = OrganisationFormSchema.parse(base);
    expect(parsed).toMatchObject({
      vatNumber: 'FR19812345676',
      discountBasisPoints: 900,
      schoolbookDiscountBasisPoints: null,
      chorusServiceCode: 'GREFFE',
      engagementNumberRequired: false,
      deliveryLine1: null,
      buyerEmails: ['a@tj.example', 'b@tj.example'],
    });
  });

  test('a company keeps no Chorus Pro field', () => {
    const parsed = OrganisationFormSchema.parse({
      ...base,
      kind: 'company',
      discount: '5',
      publicBuyer: undefined,
      engagementNumberRequired: 'on',
    });
    expect(parsed).toMatchObject({ publicBuyer: false, chorusServiceCode: null, engagementNumberRequired: false });
  });

  test.each([
    [{ discount: '10', kind: 'library' }, 'discount', 'au plus 9\u00a0% pour une bibliothèque (loi n° 81-766, art. 3)'],
    [{ schoolbookDiscount: '20', kind: 'library' }, 'schoolbookDiscount', 'loi n° 81-766, art. 3'],
    [{ paymentTermDays: '45' }, 'paymentTermDays', 'art. R2192-10'],
    [{ siret: '81234567600008' }, 'siret', 'SIRET invalide'],
    [{ vatNumber: 'FR00812345676' }, 'vatNumber', 'Numéro de TVA invalide'],
    [{ deliveryLine1: '1 rue X' }, 'deliveryLine1', 'Adresse de livraison'],
    [{ buyers: 'pas-une-adresse' }, 'buyers', 'Adresse e-mail invalide'],
  ])('%o is refused on %s', (change, field, message) => {
    const result = OrganisationFormSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  test('a teaching establishment may have a schoolbook discount above 9 %', () => {
    const parsed = OrganisationFormSchema.parse({ ...base, kind: 'teaching_establishment', schoolbookDiscount: '25' });
    expect(parsed.schoolbookDiscountBasisPoints).toBe(2_500);
  });
});
