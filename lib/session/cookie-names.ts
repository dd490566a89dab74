// The names of the cookies that make a response personal. Read by the cookie helpers
// (lib/cart/cart-cookie.ts, lib/auth/staff-cookies.ts, lib/auth/reader-cookies.ts) and by the front cache, which must never
// serve a stored page to a request carrying one (scripts/serve.ts, scripts/front-cache/).

/** The cart's signed id. */
export const CART_COOKIE = 'panier';
/** A staff session's token (`__Host-` prefixed on https). */
export const STAFF_SESSION_COOKIE = 'librairie-equipe';
/** A staff member's known device, for the login throttle (`__Host-` prefixed on https). */
export const STAFF_DEVICE_COOKIE = 'librairie-appareil';

/** A reader's session token, /compte (`__Host-` prefixed on https); never the staff's cookie. */
export const READER_SESSION_COOKIE = 'librairie-lecteur';

/** The cookies whose presence keeps a request away from the front cache, without prefix. */
export const PRIVATE_COOKIES = [CART_COOKIE, STAFF_SESSION_COOKIE, READER_SESSION_COOKIE] as const;

/** Whether a Cookie header carries one of the private cookies (with or without `__Host-`). */
export function carriesPrivateCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => {
    const name = pair
      .split('=', 1)[0]!
      .trim()
      .replace(/^__Host-/, '');
    return (PRIVATE_COOKIES as readonly string[]).includes(name);
  });
}
