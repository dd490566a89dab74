import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read aloud on the phone, never ambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "LF-7K3P9QXW": 40 random bits, so references cannot be guessed from one another. */
export function newOrderReference(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `LF-${code}`;
}
