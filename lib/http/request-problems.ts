// What no route of the shop can answer, found from the request line and headers alone (pure;
// proxy.ts answers it). Next answers some of these with a 500 or an English plain-text error.

/** Next's own limit on a Server Action body (serverActions.bodySizeLimit, 1 MB by default). */
export const MAX_POST_BYTES = 1024 * 1024;

/**
 * The back office's two upload routes take more than a Server Action: a cover photo (a
 * publisher's JPEG is often 2–5 MB) and an inventory terminal's CSV (100,000 lines). Route
 * handlers, not Server Actions, so Next's 1 MB action limit stays as it is for every form; the
 * larger limit holds only for these paths and only for a POST that is not a Server Action.
 * Each route checks its file again (lib/catalog/cover-upload.ts, lib/stock/inventory-csv.ts).
 */
export const UPLOAD_ROUTES: readonly { path: RegExp; maxBytes: number; label: string }[] = [
  { path: /^\/admin\/catalogue\/livres\/\d{13}\/couverture$/, maxBytes: 10 * 1024 * 1024, label: '10 Mo' },
  { path: /^\/admin\/inventaire\/\d{1,9}\/fichier$/, maxBytes: 5 * 1024 * 1024, label: '5 Mo' },
];

function postLimit(rawPath: string, serverAction: boolean): { maxBytes: number; label: string } {
  const upload = serverAction ? undefined : UPLOAD_ROUTES.find((route) => route.path.test(rawPath));
  return upload ?? { maxBytes: MAX_POST_BYTES, label: '1 Mo' };
}

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST']);

export type RequestProblem =
  { kind: 'not_found' } | { kind: 'refused'; status: 400 | 403 | 405 | 411 | 413 | 415; code: string; message: string };

export function requestProblem(request: {
  method: string;
  rawPath: string;
  contentLength: string | null;
  transferEncoding: string | null;
  /** The request carries Next's `Next-Action` header. */
  serverAction?: boolean;
}): RequestProblem | null {
  if (!ALLOWED_METHODS.has(request.method.toUpperCase())) {
    return {
      kind: 'refused',
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: 'Méthode non autorisée sur cette adresse.',
    };
  }
  if (!isWellFormedPath(request.rawPath)) return { kind: 'not_found' };
  if (request.method.toUpperCase() === 'POST') {
    if (request.contentLength === null && request.transferEncoding !== null) {
      return {
        kind: 'refused',
        status: 411,
        code: 'LENGTH_REQUIRED',
        message: 'Indiquez la longueur du corps de la requête.',
      };
    }
    const length = Number(request.contentLength ?? '0');
    const limit = postLimit(request.rawPath, request.serverAction ?? false);
    if (!Number.isFinite(length) || length > limit.maxBytes) {
      return {
        kind: 'refused',
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `Requête trop volumineuse (${limit.label} au plus).`,
      };
    }
  }
  return null;
}

/** Every percent-escape decodes to valid UTF-8, and no segment hides a NUL byte. */
export function isWellFormedPath(rawPath: string): boolean {
  try {
    const decoded = decodeURIComponent(rawPath);
    return !decoded.includes('\u0000');
  } catch {
    return false;
  }
}

/**
 * A Server Action call (header Next-Action) that Next's own client could not have sent: the
 * shop's actions take a form, which the client posts as multipart/form-data; a text body must
 * be a JSON array of arguments. Next answers anything else with a 500 while decoding it.
 */
export function actionBodyProblem(
  contentType: string | null,
  body: () => Promise<string>,
): Promise<RequestProblem | null> {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return Promise.resolve(null);
  if (!type.startsWith('text/plain')) {
    return Promise.resolve({
      kind: 'refused',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Formulaire illisible : rechargez la page et réessayez.',
    });
  }
  return body().then((text) => (isJsonArray(text) ? null : malformedAction()));
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    // Not JSON at all: refused like any other malformed body.
    return false;
  }
}

function malformedAction(): RequestProblem {
  return {
    kind: 'refused',
    status: 400,
    code: 'MALFORMED_ACTION',
    message: 'Formulaire illisible : rechargez la page et réessayez.',
  };
}
