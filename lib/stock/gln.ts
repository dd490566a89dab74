// GLN (Global Location Number, GS1): 13 digits, the last one a check digit computed as for an
// EAN-13 (GS1 General Specifications, §7.9). A distributor's GLN addresses its EDI orders.
import { ean13CheckDigit } from '@/lib/isbn/check-digit';

export function isValidGln(value: string): boolean {
  return /^\d{13}$/.test(value) && ean13CheckDigit(value.slice(0, 12)) === value.charAt(12);
}
