// Identifiers of a customer organisation: its SIRET and its French VAT number. Pure.
import { isValidFrenchVatNumber, isValidSiret } from '@/lib/shop/settings';

/** La Poste's SIREN: its establishments' SIRETs do not follow the Luhn key. */
export const LA_POSTE_SIREN = '356000000';

/**
 * A SIRET: 14 digits whose Luhn sum is a multiple of 10 (INSEE's key), except La Poste's
 * establishments, too many for the key's range, whose 14 digits add up to a multiple of 5
 * (INSEE's documented exception for SIREN 356 000 000).
 */
export function isValidOrganisationSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (isValidSiret(siret)) return true;
  if (!siret.startsWith(LA_POSTE_SIREN)) return false;
  const digitSum = [...siret].reduce((sum, digit) => sum + Number(digit), 0);
  return digitSum % 5 === 0;
}

/** The SIREN, the company's number: the SIRET's first 9 digits. */
export function sirenOf(siret: string): string {
  return siret.slice(0, 9);
}

/** FR, the 2-digit key, the SIREN (CGI annexe II, art. 286 ter; key = (12 + 3 × (SIREN mod 97)) mod 97). */
export function isValidOrganisationVatNumber(vatNumber: string, siret: string): boolean {
  return isValidFrenchVatNumber(vatNumber, sirenOf(siret));
}
