import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { E2E_BASE_URL } from './ports';

// The back office's attack surface, found in the code rather than listed by hand, so a page,
// action or route added tomorrow is checked too:
// - pages: every app/admin/**/page.tsx;
// - Server Actions: every exported function of every 'use server' file of the app (components/
//   and app/), with its id read from the build's server-reference manifest; each must call
//   requireStaff unless it is one of the few public ones named below (the reader's cart and
//   checkout, the login form), so a new action cannot be forgotten;
// - route handlers: every route.ts under app/admin or app/api/admin.
// The role each one demands is read from its `requireStaff('…')` call.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Role = 'libraire' | 'admin';

/** Deliberately public: logging in cannot require being logged in. */
export const PUBLIC_PAGES = ['app/admin/connexion/page.tsx'];
/**
 * The reader's actions (their cart is their signed cookie), the login form, and the customers' order
 * tracking (the lookup answers without saying whether an order exists; a withdrawal and a
 * pre-order's cancellation need the tracking link's token), a reader's request for a book the
 * catalogue lacks, and an availability alert (asked by an e-mail; confirmed or cancelled only with
 * its e-mailed link's token). By name: files may move.
 */
export const PUBLIC_ACTIONS = [
  'addToCartAction',
  'updateCartLineAction',
  'startCheckoutAction',
  'loginAction',
  'requestTrackingLinkAction',
  'withdrawalAction',
  'cancelPreOrderAction',
  'submitBookRequestAction',
  'requestAvailabilityAlertAction',
  'alertLinkAction',
  // A reader's sign-in and sign-out (/compte/connexion): before any session, or ending one.
  'requestSignInAction',
  'signInWithLinkAction',
  'signInWithCodeAction',
  'signOutAction',
  // Signing in with a passkey (before any session): the options, then the signed answer.
  'passkeySignInOptionsAction',
  'signInWithPasskeyAction',
  // "Ajouter à ma liste", one form for everyone on the book page: it reads the session itself and
  // sends a reader who is not signed in to the sign-in page.
  'addToWishListAction',
];

function walk(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(relative) : [relative];
  });
}

function roleIn(source: string): Role | null {
  const match = /requireStaff\(\s*'(libraire|admin)'/.exec(source);
  return match ? (match[1] as Role) : null;
}

export type AdminPage = { file: string; route: string; role: Role | null };

/** `app/admin/commandes/[reference]/page.tsx` → `/admin/commandes/[reference]`. */
export function discoverPages(): AdminPage[] {
  return walk('app/admin')
    .filter((file) => file.endsWith('/page.tsx'))
    .map((file) => ({
      file,
      route: `/${path.dirname(file).replace(/^app\//, '')}`,
      role: roleIn(readFileSync(path.join(ROOT, file), 'utf8')),
    }));
}

export type AdminRoute = { file: string; route: string; role: Role | null; methods: string[] };

export function discoverRoutes(): AdminRoute[] {
  return [...walk('app/admin'), ...walk('app/api/admin')]
    .filter((file) => /\/route\.tsx?$/.test(file))
    .map((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      const methods = [...source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      return { file, route: `/${path.dirname(file).replace(/^app\//, '')}`, role: roleIn(source), methods };
    });
}

export type AdminAction = {
  key: string;
  file: string;
  name: string;
  role: Role | null;
  /** Gated by requireReader (a reader's account, /compte): tested by e2e/reader-account.spec.ts. */
  reader: boolean;
  id: string;
  /** A page whose module loads the action (Next.js runs an action in the context of a page). */
  pageRoute: string;
};

type Manifest = {
  node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
};

export function discoverActions(): AdminAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as Manifest;
  const files = [...walk('components'), ...walk('app')].filter((file) => {
    if (!/\.tsx?$/.test(file)) return false;
    return /^\s*(\/\/.*\n\s*)*['"]use server['"]/.test(readFileSync(path.join(ROOT, file), 'utf8'));
  });
  return files.flatMap((file) => {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const starts = [...source.matchAll(/export async function (\w+)\(/g)];
    return starts.map((start, index) => {
      const name = start[1]!;
      const body = source.slice(start.index, starts[index + 1]?.index ?? source.length);
      const entry = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === name);
      if (!entry)
        throw new Error(`${file}#${name} is not in the build's server-reference manifest: is it used by a page?`);
      const worker = Object.keys(entry[1].workers)[0] ?? '';
      return {
        key: `${file}#${name}`,
        file,
        name,
        role: roleIn(body),
        reader: /\brequireReader\(\)/.test(body),
        id: entry[0],
        pageRoute: `/${worker.replace(/^app\//, '').replace(/\/page$/, '')}`.replace(/^\/page$/, '/'),
      };
    });
  });
}

/** A concrete URL for a route with dynamic segments. */
export function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`No value for [${name}] in ${route}`);
    return value;
  });
}

/**
 * Posts to a Server Action as the browser's router does (a "fetch action"): the `Next-Action`
 * header, and React's reply encoding of the arguments (prevState, formData) as multipart
 * fields: `_1_<name>` the FormData's fields, then `0` the argument list (React 19.3's
 * encodeReply: `"$K" + id` refers to the FormData whose fields carry the prefix `_<id>_`).
 * The order matters: the server decodes the streamed body as it arrives, and a FormData
 * referenced before its fields have arrived would be read empty; the browser sends `0` last too.
 */
export function postAction(
  request: APIRequestContext,
  action: AdminAction,
  url: string,
  fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>,
  argumentList = '[null,"$K1"]',
): Promise<APIResponse> {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') multipart.append(`_1_${name}`, value);
    else
      multipart.append(`_1_${name}`, new Blob([Uint8Array.from(value.buffer)], { type: value.mimeType }), value.name);
  }
  multipart.append('0', argumentList);
  return request.post(url, {
    headers: { 'Next-Action': action.id, Origin: E2E_BASE_URL, Accept: 'text/x-component' },
    multipart,
    maxRedirects: 0,
  });
}
