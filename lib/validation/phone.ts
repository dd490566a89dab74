import { z } from 'zod';

// Phone numbers as people type them. French ones as the ARCEP numbering plan writes them
// (06 12 34 56 78, +33 6 12 34 56 78, 0033…), kept as typed; any other country in international
// form, normalised to E.164 (ITU-T E.164: "+", country code, at most 15 digits): +4915112345678.

const FRENCH = /^(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const E164 = /^\+[1-9]\d{7,14}$/;

export const PHONE_MESSAGE = 'Numéro de téléphone invalide (exemples : 06 12 34 56 78, +49 151 12345678).';

/** The number to store, or null when it is neither French nor international. */
export function readPhone(typed: string): string | null {
  const value = typed.trim();
  if (FRENCH.test(value)) return value;
  // "+49 (0)151…": the trunk prefix written in brackets is not dialled from abroad.
  const compact = value
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-()]/g, '')
    .replace(/^00/, '+');
  if (compact.startsWith('+33')) return null;
  return E164.test(compact) ? compact : null;
}

/**
 * An optional phone field: '' when left empty, else a number readPhone accepts. The check does not
 * abort, so the form's other checks (the address of a delivery) still report at the same time.
 */
export const optionalPhone = z
  .string()
  .trim()
  .max(30, { error: PHONE_MESSAGE })
  .optional()
  .transform((value) => value ?? '')
  .refine((value) => value === '' || readPhone(value) !== null, { error: PHONE_MESSAGE })
  .transform((value) => (value === '' ? '' : (readPhone(value) ?? value)));
