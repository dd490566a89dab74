// Check digits computed here rather than read from isbn3: isbn3 only accepts numbers that fall
// in a registration-group range it knows, and its range table is a snapshot. A valid EAN in a
// range allocated after that snapshot must still be accepted (it only loses its hyphenation).
// Algorithms: ISO 2108 / ISBN Users' Manual, §5 https://www.isbn-international.org/content/isbn-users-manual

/** Check digit of the 12 first digits of an EAN-13 (weights 1, 3, 1, 3…, modulo 10). */
export function ean13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    sum += Number(first12.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  }
  return String((10 - (sum % 10)) % 10);
}

/** Check digit of the 9 first digits of an ISBN-10 (weights 10…2, modulo 11; 10 is written X). */
export function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    sum += Number(first9.charAt(i)) * (10 - i);
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}
