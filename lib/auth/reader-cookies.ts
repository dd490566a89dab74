import 'server-only';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { READER_SESSION_ABSOLUTE_MS } from '@/lib/reader-accounts/session-policy';
import { READER_SESSION_COOKIE } from '@/lib/session/cookie-names';
import { isWellFormedToken } from '@/lib/staff/session-policy';

// The reader's session cookie, made as the staff's (lib/auth/staff-cookies.ts): HttpOnly,
// SameSite=Lax, and on https Secure with the `__Host-` prefix; its own name, so a reader's
// session and a member of staff's never stand for each other. Listed in PRIVATE_COOKIES: the
// front cache never stores nor serves a page to a signed-in reader.

const secure = () => getEnv().SITE_URL.startsWith('https://');
const cookieName = () => (secure() ? `__Host-${READER_SESSION_COOKIE}` : READER_SESSION_COOKIE);

export async function readReaderSessionToken(): Promise<string | null> {
  const token = (await cookies()).get(cookieName())?.value;
  return isWellFormedToken(token) ? token : null;
}

/** Only from a Server Action or a route handler. */
export async function writeReaderSessionToken(token: string): Promise<void> {
  (await cookies()).set(cookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(),
    path: '/',
    maxAge: READER_SESSION_ABSOLUTE_MS / 1000,
  });
}

export async function clearReaderSessionToken(): Promise<void> {
  (await cookies()).delete({ name: cookieName(), path: '/', secure: secure(), httpOnly: true });
}
