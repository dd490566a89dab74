// Refuses, before Next.js reads it, a cross-site Server Action POST, which Next.js itself refuses
// with a 500 (its CSRF check throws): a real status and a French message instead
// (docs/decisions/008-staff-authentication.md). Bodies too large or without a length are refused
// for every POST by request-problems.ts. Pure: proxy.ts calls it.

export type GuardRefusal = { status: 403; code: string; message: string };

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
  return null;
}
