import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = '';
  // 256 % 62 bias is irrelevant for test identifiers.
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** Same prefixes as Stripe test mode, so code that checks `startsWith('cs_test_')` behaves. */
export const newId = {
  checkoutSession: () => `cs_test_${randomToken(58)}`,
  paymentIntent: () => `pi_${randomToken(24)}`,
  charge: () => `ch_${randomToken(24)}`,
  refund: () => `re_${randomToken(24)}`,
  event: () => `evt_${randomToken(24)}`,
  request: () => `req_${randomToken(14)}`,
  lineItem: () => `li_${randomToken(24)}`,
  price: () => `price_${randomToken(24)}`,
  product: () => `prod_${randomToken(14)}`,
};

export function unixSeconds(ms: number = Date.now()): number {
  return Math.floor(ms / 1000);
}
