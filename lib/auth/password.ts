// Not 'server-only': scripts (npm start's demo account, npm run staff:create) hash with it too.
// It holds no secret, and the native argon2 binding cannot reach a browser bundle anyway.
import { randomInt } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { logger } from '@/lib/observability/logger';

// Staff passwords are stored as argon2id hashes with OWASP's minimum parameters (19 MiB of
// memory, 2 passes, 1 lane: https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id),
// written out so a library upgrade cannot change them silently. About 25 ms per hash here.
const OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum, which isolatedModules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

// The hash of a random password nobody knows, with the same parameters: verified when the
// e-mail matches no active account, so a login takes the same time either way.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8o68kwU5SOA4ZoxkedLqdw$zveElCrh8tHRWDrBUTn0nRAgFzIcsG6ncrLlFWZE5R0';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False when there is no hash (unknown or disabled account), after the same amount of work. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && matches;
  } catch (error) {
    // A malformed stored hash is a data problem, not a wrong password: say so in the logs.
    logger.error({ err: error }, 'password verification failed on a malformed hash');
    return false;
  }
}

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 20 random characters (about 115 bits), in groups of 5 for reading: "aB3de-Fg7hj-…". */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}
