// Refuses, before Next.js reads them, the Server Action requests Next.js itself would refuse
// with a 500: a cross-site POST (its CSRF check throws) and a body over its size limit (it
// throws while streaming). A refused request gets a real status and a French message instead
// (docs/decisions/007-staff-authentication.md). Pure: proxy.ts calls it.

/** Next.js' default `serverActions.bodySizeLimit` ("1mb"). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type GuardRefusal = { status: 403 | 411 | 413; code: string; message: string };

function originHost(origin: string): string | null {
  if (origin === 'null') return 'null';
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function guardActionRequest(method: string, headers: Headers): GuardRefusal | null {
  if (method !== 'POST') return null;
  const contentType = headers.get('content-type') ?? '';
  const mayBeAction =
    headers.has('next-action') ||
    contentType.startsWith('multipart/form-data') ||
    contentType.startsWith('application/x-www-form-urlencoded');
  if (!mayBeAction) return null;

  // The same comparison as Next.js (x-forwarded-host first, else host), answered with a 403.
  const origin = headers.get('origin');
  if (origin !== null) {
    const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
    if (!host || originHost(origin) !== host) {
      return {
        status: 403,
        code: 'CROSS_SITE_REQUEST',
        message: 'Requête refusée : elle ne vient pas des pages de la librairie.',
      };
    }
  }
  // A body announced too large is refused before it is read. A body with no length (chunked)
  // could only be measured by reading it, which the proxy cannot do: browsers always send the
  // length of a form, and so does nginx, which buffers request bodies by default.
  const length = headers.get('content-length');
  if (length === null) {
    return { status: 411, code: 'LENGTH_REQUIRED', message: 'Requête refusée : la taille du formulaire manque.' };
  }
  if (!/^\d{1,12}$/.test(length) || Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Formulaire trop volumineux : 1 Mo au plus.' };
  }
  return null;
}
