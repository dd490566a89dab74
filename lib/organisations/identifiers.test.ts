import { describe, expect, test } from 'vitest';
import { isValidSiret } from '@/lib/shop/settings';
import { isValidOrganisationSiret, isValidOrganisationVatNumber } from './identifiers';

describe('SIRET (INSEE: Luhn key; La Poste: digits adding up to a multiple of 5)', () => {
  test.each([
    ['81234567600009', true, 'the demo shop: Luhn key right'],
    ['81234567600008', false, 'one digit off'],
    ['8123456760000', false, '13 digits'],
    ['8123456760000A', false, 'a letter'],
    ['35600000049837', true, 'a La Poste establishment: digits add up to 45, no Luhn key'],
    ['35600000049838', false, 'La Poste, digits adding up to 46'],
    ['35800000049837', false, 'the same digit sum outside La Poste'],
  ])('%s: %s (%s)', (siret, valid) => {
    expect(isValidOrganisationSiret(siret)).toBe(valid);
  });

  test('the La Poste case is the exception, not the Luhn rule', () => {
    expect(isValidSiret('35600000049837')).toBe(false);
  });
});

describe('French VAT number: FR, key, the SIRET’s SIREN', () => {
  test.each([
    ['FR19812345676', '81234567600009', true],
    ['FR18812345676', '81234567600009', false],
    ['FR19812345676', '35600000049837', false],
    ['BE0123456789', '81234567600009', false],
  ])('%s with SIRET %s: %s', (vat, siret, valid) => {
    expect(isValidOrganisationVatNumber(vat, siret)).toBe(valid);
  });
});
