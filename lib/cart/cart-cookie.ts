import 'server-only';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { CART_COOKIE } from '@/lib/session/cookie-names';
import { signValue, verifySignedValue } from '@/lib/session/signed-value';

// The cart lives in the database; the browser only carries its id, signed with the first
// COOKIE_SECRET and accepted with any of them, so the secret can be rotated (lib/env.ts).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const THIRTY_DAYS_SECONDS = 30 * 24 * 3600;

/** The cart id of this browser, or null (no cookie, or a forged or malformed one). */
export async function readCartId(): Promise<string | null> {
  const token = (await cookies()).get(CART_COOKIE)?.value;
  const id = verifySignedValue(token, getEnv().COOKIE_SECRET);
  return id && UUID.test(id) ? id : null;
}

/** Only from a Server Action or a route handler (cookies are read-only while rendering). */
export async function writeCartCookie(cartId: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, signValue(cartId, getEnv().COOKIE_SECRET), {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().SITE_URL.startsWith('https://'),
    path: '/',
    maxAge: THIRTY_DAYS_SECONDS,
  });
}
