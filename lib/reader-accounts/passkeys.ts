// Passkeys (WebAuthn, https://www.w3.org/TR/webauthn-3/) for readers: the relying party is the
// shop's own host, the origin its SITE_URL; a challenge is 32 random bytes, used once within 5
// minutes. Pure: docs/decisions/026-reader-passkeys.md.

/** A challenge the server issued answers for this long (the browser's own timeout is shorter). */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** What the browser is told to wait for the reader, in ms (WebAuthn §5.4 `timeout`). */
export const PASSKEY_CEREMONY_TIMEOUT_MS = 2 * 60_000;
/** Passkeys one account may hold: enough for a phone, a laptop, a password manager and a key. */
export const MAX_PASSKEYS_PER_READER = 10;

/** The relying party of a WebAuthn ceremony: the site's host (no port) and its origin. */
export function relyingParty(siteUrl: string): { rpID: string; origin: string } {
  const url = new URL(siteUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/**
 * The challenge the browser signed, read from the response's clientDataJSON (base64url JSON,
 * WebAuthn §5.8.1 `CollectedClientData`), so the server finds the challenge it issued among all
 * instances' ones. Null when it cannot be read.
 */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null || !('challenge' in data)) return null;
    const { challenge } = data;
    return typeof challenge === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(challenge) ? challenge : null;
  } catch {
    // Not base64url JSON: a forged or broken response, refused like a wrong challenge.
    return null;
  }
}

/** The list's name of a passkey: the browser and system it was added from ("Chrome sur Android"). */
export function passkeyLabel(userAgent: string | null): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Mac OS X|Macintosh/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux|X11/.test(ua)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} sur ${system}`;
  return browser ?? system ?? 'Clé d’accès';
}

/**
 * A signature counter that did not move forward means a cloned authenticator (WebAuthn §6.1.1):
 * refused. Passkeys that do not count (0 before and after) pass.
 */
export function counterIsPlausible(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}
