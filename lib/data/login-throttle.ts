import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '@/lib/db';

// Failed staff logins are counted in PostgreSQL (table LoginThrottle) with rate-limiter-flexible's
// Prisma store, so every app instance sees the same counters. The policy follows the library's
// "login endpoint protection" guide and OWASP's advice on lockouts
// (https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#account-lockout):
//
// - per account and IP: 5 failures in a row → 15 minutes without trying (reset by a success);
// - per account, from browsers that never logged in to it: 20 failures in 15 minutes → 15
//   minutes. A browser that did (it carries a signed device cookie, lib/auth/device-cookie.ts)
//   is counted on its own instead, so an attacker elsewhere cannot lock a colleague out
//   (OWASP, "Slow Down Online Guessing Attacks with Device Cookies");
// - per IP, whatever the account: 50 failures in 15 minutes → 15 minutes (password spraying).
//
// Every block lasts 15 minutes at most and counters expire on their own. Keys hash the e-mail,
// so the table holds no address, and an unknown e-mail is counted exactly like a real one.

const WINDOW_SECONDS = 15 * 60;
const BLOCK_SECONDS = 15 * 60;

export const LOGIN_LIMITS = {
  accountAndIp: { points: 5, duration: 60 * 60, blockDuration: BLOCK_SECONDS },
  account: { points: 20, duration: WINDOW_SECONDS, blockDuration: BLOCK_SECONDS },
  device: { points: 5, duration: 60 * 60, blockDuration: BLOCK_SECONDS },
  ip: { points: 50, duration: WINDOW_SECONDS, blockDuration: BLOCK_SECONDS },
} as const;

type LimiterName = keyof typeof LOGIN_LIMITS;

const globalForLimiters = globalThis as typeof globalThis & {
  librairieLoginLimiters?: Record<LimiterName, RateLimiterPrisma>;
};

function limiters(): Record<LimiterName, RateLimiterPrisma> {
  globalForLimiters.librairieLoginLimiters ??= Object.fromEntries(
    (Object.keys(LOGIN_LIMITS) as LimiterName[]).map((name) => [
      name,
      // tableName is the Prisma delegate: getDb().loginThrottle.
      new RateLimiterPrisma({
        storeClient: getDb(),
        tableName: 'loginThrottle',
        keyPrefix: name,
        ...LOGIN_LIMITS[name],
      }),
    ]),
  ) as Record<LimiterName, RateLimiterPrisma>;
  return globalForLimiters.librairieLoginLimiters;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

export type LoginAttemptKeys = { email: string; ip: string; deviceId: string | null };

/** The counters a login attempt is checked against and charged to. */
function keysOf(attempt: LoginAttemptKeys): [LimiterName, string][] {
  const account = digest(`account:${attempt.email}`);
  const keys: [LimiterName, string][] = [
    ['ip', digest(`ip:${attempt.ip}`)],
    ['accountAndIp', digest(`account-ip:${attempt.email}\n${attempt.ip}`)],
  ];
  keys.push(attempt.deviceId ? ['device', digest(`device:${attempt.deviceId}`)] : ['account', account]);
  return keys;
}

/** Seconds before this attempt may be tried, 0 when it may be tried now. */
export async function loginWaitSeconds(attempt: LoginAttemptKeys): Promise<number> {
  const all = limiters();
  const states = await Promise.all(keysOf(attempt).map(([name, key]) => all[name].get(key)));
  let waitMs = 0;
  states.forEach((state, index) => {
    const name = keysOf(attempt)[index]![0];
    if (state && state.consumedPoints > LOGIN_LIMITS[name].points) waitMs = Math.max(waitMs, state.msBeforeNext);
  });
  return Math.ceil(waitMs / 1000);
}

/** Counts a failed attempt on each of its counters (a counter that blocks now is no error). */
export async function recordLoginFailure(attempt: LoginAttemptKeys): Promise<void> {
  const all = limiters();
  await Promise.all(
    keysOf(attempt).map(([name, key]) =>
      all[name].consume(key).catch((rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      }),
    ),
  );
}

/** A success ends the run of failures of this account from this IP and this device. */
export async function recordLoginSuccess(attempt: LoginAttemptKeys): Promise<void> {
  const all = limiters();
  await Promise.all(
    keysOf(attempt)
      .filter(([name]) => name === 'accountAndIp' || name === 'device')
      .map(([name, key]) => all[name].delete(key)),
  );
}
