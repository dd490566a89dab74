import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { STAFF_DEVICE_COOKIE, STAFF_SESSION_COOKIE } from '@/lib/session/cookie-names';
import { signValue, verifySignedValue } from '@/lib/session/signed-value';
import { isWellFormedToken, SESSION_ABSOLUTE_MS } from '@/lib/staff/session-policy';

// The staff cookies. HttpOnly (no script reads them), SameSite=Lax (not sent by cross-site
// POSTs; Server Actions also check the Origin header), and on https Secure with the `__Host-`
// prefix, which makes the browser refuse the cookie unless it is Secure, has Path=/ and no
// Domain: no sibling subdomain can plant or overwrite it
// (https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes).
// On http://localhost (the demo, the tests) a Secure cookie is not sent back everywhere and the
// prefix would make the browser drop it: there the plain name is used.

const secure = () => getEnv().SITE_URL.startsWith('https://');
const named = (name: string) => (secure() ? `__Host-${name}` : name);

const SESSION_COOKIE = STAFF_SESSION_COOKIE;
const DEVICE_COOKIE = STAFF_DEVICE_COOKIE;
const DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;

const options = (maxAgeSeconds: number) =>
  ({ httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', maxAge: maxAgeSeconds }) as const;

export async function readSessionToken(): Promise<string | null> {
  const token = (await cookies()).get(named(SESSION_COOKIE))?.value;
  return isWellFormedToken(token) ? token : null;
}

/** Only from a Server Action or a route handler. */
export async function writeSessionToken(token: string): Promise<void> {
  (await cookies()).set(named(SESSION_COOKIE), token, options(SESSION_ABSOLUTE_MS / 1000));
}

export async function clearSessionToken(): Promise<void> {
  (await cookies()).delete({ name: named(SESSION_COOKIE), path: '/', secure: secure(), httpOnly: true });
}

// The device cookie says "this browser once logged in to this account": its failed logins are
// counted on their own, not on the account (lib/data/staff/login-throttle.ts). Signed, and bound to
// the account's e-mail, so it cannot be forged or moved to another account.
const accountTag = (email: string) => createHash('sha256').update(`device:${email}`).digest('base64url').slice(0, 22);

/** The device id if this browser carries a valid device cookie for this e-mail. */
export async function readDeviceId(email: string): Promise<string | null> {
  const value = verifySignedValue((await cookies()).get(named(DEVICE_COOKIE))?.value, getEnv().COOKIE_SECRET);
  if (!value) return null;
  const [tag, deviceId] = value.split('.');
  return tag === accountTag(email) && deviceId && /^[A-Za-z0-9_-]{22}$/.test(deviceId) ? deviceId : null;
}

export async function writeDeviceCookie(email: string): Promise<void> {
  const deviceId = randomBytes(16).toString('base64url');
  (await cookies()).set(
    named(DEVICE_COOKIE),
    signValue(`${accountTag(email)}.${deviceId}`, getEnv().COOKIE_SECRET),
    options(DEVICE_MAX_AGE_SECONDS),
  );
}
