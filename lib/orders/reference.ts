import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read aloud on the phone, never ambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "LF-7K3P9QXW": 40 random bits, so references cannot be guessed from one another. */
export function newOrderReference(): string {
  return `LF-${randomCode()}`;
}

/** "DL-4M8N2P6Q": a reader's request for a book the catalogue lacks (/commander-un-livre). */
export function newBookRequestReference(): string {
  return `DL-${randomCode()}`;
}

function randomCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
