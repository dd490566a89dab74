import 'server-only';
import { createHmac } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { getPool } from '@/lib/db';
import { failure, type Failure } from '@/lib/core/result';
import { isDatabaseBusy } from '@/lib/database/errors';
import { busy } from './transactions';

// Request limits against hoarding and floods, counted in PostgreSQL (rate-limiter-flexible's
// PostgreSQL store on the app's pool, table "RateLimit"), so N app instances count as one.
// A fixed window per key: `points` requests per `durationSeconds`.
const LIMITS = {
  /** Add-to-cart and quantity changes, per client address. */
  cartChange: { points: 120, durationSeconds: 60 },
  /**
   * "Commander" (an order and its payment page), per client address. Generous: readers of a
   * university or a library may share one address; the cap on held copies does the rest.
   */
  checkoutPerClient: { points: 30, durationSeconds: 600 },
  /** "Commander", per cart: a reader retries a few times, a robot many. */
  checkoutPerCart: { points: 6, durationSeconds: 600 },
  /**
   * /suivi lookups, per client address: a customer asks once or twice; a robot trying order
   * numbers is slowed after 10 in 10 minutes (30 rapid lookups from one client must not pass).
   */
  trackingLookupPerClient: { points: 10, durationSeconds: 600 },
  /** /suivi lookups, per e-mail typed (hashed): nobody's mailbox is flooded with links. */
  trackingLookupPerEmail: { points: 5, durationSeconds: 3600 },
  /** Requests for a book the catalogue lacks (/commander-un-livre), per client address. */
  bookRequestPerClient: { points: 10, durationSeconds: 3600 },
  /** The same, per e-mail typed (hashed): nobody's mailbox is flooded with acknowledgements. */
  bookRequestPerEmail: { points: 5, durationSeconds: 86_400 },
  /** Availability alerts asked on book pages, per client address (a reader asks for a few books). */
  availabilityAlertPerClient: { points: 20, durationSeconds: 3600 },
  /** The same, per e-mail typed (hashed): nobody's mailbox is flooded with confirmations. */
  availabilityAlertPerEmail: { points: 5, durationSeconds: 3600 },
  /** Withdrawal declarations, per tracking link. */
  withdrawalPerOrder: { points: 10, durationSeconds: 3600 },
  /** Sign-in e-mails asked at /compte/connexion, per client address: as the /suivi lookups. */
  signInPerClient: { points: 10, durationSeconds: 600 },
  /** The same, per e-mail typed (hashed): nobody's mailbox is flooded with sign-in e-mails. */
  signInPerEmail: { points: 5, durationSeconds: 3600 },
  /**
   * Sign-in codes tried for one address (hashed), each counted before it is checked and given back
   * when right: past 5 wrong codes in an hour, codes and links for that address are refused
   * (lib/reader-accounts/sign-in-secrets.ts). 5 tries at a 6-digit code: 1 chance in 200,000.
   */
  signInCodeTries: { points: 5, durationSeconds: 3600 },
  /**
   * Passkey sign-in challenges, per client address: a reader needs one or two; each is a row kept
   * 5 minutes (lib/data/readers/passkeys.ts), so a robot asking thousands fills nothing.
   */
  passkeySignInPerClient: { points: 30, durationSeconds: 600 },
  /**
   * Quotes asked from the cart, per buyer (e-mail, hashed): a buyer asks a few; each takes a
   * number of the quotes' sequence and a frozen row (docs/decisions/030-quotes.md).
   */
  quoteRequestPerBuyer: { points: 20, durationSeconds: 3600 },
} as const;

export type LimitName = keyof typeof LIMITS;

const globalForLimits = globalThis as typeof globalThis & { librairieLimiters?: Map<LimitName, RateLimiterPostgres> };

function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimits.librairieLimiters ??= new Map();
  let found = globalForLimits.librairieLimiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: getPool(),
      storeType: 'pool',
      tableName: 'RateLimit',
      // The migration creates the table; the purge job deletes expired rows.
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].durationSeconds,
    });
    globalForLimits.librairieLimiters.set(name, found);
  }
  return found;
}

/** An e-mail typed in a form, as a limit's key: keyed-hashed, never in clear in the counters' table. */
export function emailLimitKey(scope: string, email: string): string {
  return createHmac('sha256', getEnv().COOKIE_SECRET[0]).update(`${scope}:${email}`).digest('hex').slice(0, 32);
}

/** Counts one request of `key` against the limit; a French "try again in N s" when over it. */
export async function consumeLimit(name: LimitName, key: string): Promise<Failure | null> {
  try {
    await limiter(name).consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return failure('RATE_LIMITED', `Trop de demandes : réessayez dans ${formatWait(seconds)}.`, {
        retryAfterSeconds: seconds,
      });
    }
    if (isDatabaseBusy(rejection)) return busy();
    throw rejection;
  }
}

/** Gives back a point counted for `key` (a right sign-in code is not a wrong try). */
export async function refundLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).reward(key, 1);
}

/** Whether `key` has used every point of the limit, without counting one. */
export async function limitUsedUp(name: LimitName, key: string): Promise<boolean> {
  const res = await limiter(name).get(key);
  return res !== null && res.consumedPoints >= LIMITS[name].points;
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}
