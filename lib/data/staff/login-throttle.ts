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
//   minutes. A browser that did (it carries a signed device cookie, lib/auth/staff-cookies.ts)
//   is counted on its own instead, so an attacker elsewhere cannot lock a colleague out
//   (OWASP, "Slow Down Online Guessing Attacks with Device Cookies");
// - per IP, whatever the account: 50 failures in 15 minutes → 15 minutes (password spraying).
//
// Every attempt is counted before its password is checked (a success gives its point back), so
// attempts sent all at once cannot pass together. Every block lasts 15 minutes at most, and
// counters expire on their own. Keys hash the e-mail,
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

/**
 * Counts an attempt on each of its counters before the password is checked, atomically (one
 * INSERT … ON CONFLICT per counter), so attempts sent all at once cannot slip through together.
 * Returns the seconds to wait if a counter is over its limit (the password is then not checked),
 * else 0.
 */
export async function chargeLoginAttempt(attempt: LoginAttemptKeys): Promise<number> {
  const all = limiters();
  const states = await Promise.all(
    keysOf(attempt).map(([name, key]) =>
      all[name].consume(key).then(
        () => 0,
        (rejection: unknown) => {
          // Over the limit: the library answers with the time left, not an error.
          if (rejection instanceof RateLimiterRes) return Math.max(rejection.msBeforeNext, 1000);
          throw rejection;
        },
      ),
    ),
  );
  return Math.ceil(Math.max(...states) / 1000);
}

/**
 * A success is not a failure: it ends the run of failures of this account from this IP and this
 * device, and gives back the point it took on the per-IP and per-account counters.
 */
export async function recordLoginSuccess(attempt: LoginAttemptKeys): Promise<void> {
  const all = limiters();
  await Promise.all(
    keysOf(attempt).map(([name, key]) =>
      name === 'accountAndIp' || name === 'device' ? all[name].delete(key) : all[name].reward(key),
    ),
  );
}
