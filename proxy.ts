import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, paymentOrigins, staticSecurityHeaders } from '@/lib/http/security-headers';
import { guardActionRequest } from '@/lib/http/action-request-guard';
import { actionBodyProblem, requestProblem, type RequestProblem } from '@/lib/http/request-problems';

// Runs before every route (Next 16's proxy, Node.js runtime): refuses what no route can answer
// (unknown methods, malformed paths, oversized or unsized bodies, forged or cross-site Server
// Action posts) with a 4xx instead of letting it reach Next as a 500, and sets the security
// headers with a fresh CSP nonce per response. It decides nothing about who may do what:
// requireStaff does, in each staff action.
export async function proxy(request: NextRequest) {
  const crossSite = guardActionRequest(request.method, request.headers);
  if (crossSite) return refusal(request, { kind: 'refused', ...crossSite });
  const problem =
    requestProblem({
      method: request.method,
      rawPath: request.nextUrl.pathname,
      contentLength: request.headers.get('content-length'),
      transferEncoding: request.headers.get('transfer-encoding'),
      serverAction: request.headers.has('next-action'),
    }) ??
    (request.method === 'POST' && request.headers.has('next-action')
      ? await actionBodyProblem(request.headers.get('content-type'), () => request.clone().text())
      : null);
  if (problem?.kind === 'refused') return refusal(request, problem);
  // The 503 page sets its own policy (no script, its one style by hash).
  if (request.nextUrl.pathname === '/indisponible') return withStaticHeaders(NextResponse.next());

  // A fresh nonce per response. A page the front cache stores leaves the app with its inline
  // scripts allowed by their hashes instead (scripts/lib/front-cache-headers.ts).
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = cspFor(nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  // For the pages' "try again" link when the database is down (lib/http/database-guard.ts).
  requestHeaders.set('x-pathname', `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 2000));
  const response =
    problem?.kind === 'not_found'
      ? // The French 404 page: Next renders not-found for a path no route matches.
        NextResponse.rewrite(new URL('/page-introuvable', request.url), { request: { headers: requestHeaders } })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return withStaticHeaders(response);
}

function refusal(request: NextRequest, problem: Extract<RequestProblem, { kind: 'refused' }>): NextResponse {
  const wantsHtml = (request.headers.get('accept') ?? '').includes('text/html');
  const response = wantsHtml
    ? new NextResponse(problemPage(problem.message), {
        status: problem.status,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      })
    : NextResponse.json({ error: { code: problem.code, message: problem.message } }, { status: problem.status });
  if (problem.status === 405) response.headers.set('Allow', 'GET, HEAD, POST');
  response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  return withStaticHeaders(response);
}

function isHttps(): boolean {
  return (process.env.SITE_URL ?? '').startsWith('https://');
}

function cspFor(nonce: string): string {
  return contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    paymentOrigins: paymentOrigins(process.env.STRIPE_SECRET_KEY ? undefined : process.env.STRIPE_EMULATOR_URL),
    https: isHttps(),
  });
}

function withStaticHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders(isHttps()))) response.headers.set(name, value);
  return response;
}

function problemPage(message: string): string {
  const text = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Requête refusée</title></head><body><h1>Requête refusée</h1><p>${text}</p><p><a href="/">Retour à la librairie</a></p></body></html>`;
}

export const config = {
  // Every route but Next's own static files.
  // /panier/ajouter makes the same checks itself (lib/cart/add-to-cart-request.ts): it answers
  // no page, and is the busiest write of a rush (docs/decisions/035-add-to-cart-without-a-page.md).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|panier/ajouter$).*)'],
};
