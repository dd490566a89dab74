import 'server-only';
import { addToCart } from '@/lib/cart/add-to-cart';
import { addToCartRefusalLocation } from '@/lib/cart/add-to-cart-errors';
import { failure } from '@/lib/core/result';
import { guardActionRequest } from '@/lib/http/action-request-guard';
import { failureResponse, readFormData } from '@/lib/http/failure-response';
import { problem } from '@/lib/http/problem';
import { requestProblem } from '@/lib/http/request-problems';

// "Ajouter au panier" as the form posts it without JavaScript (POST /panier/ajouter,
// app/panier/ajouter/route.ts): one write and a redirect, not a page (docs/decisions/
// 035-add-to-cart-without-a-page.md). The browser follows the 303 to the cart, with the reason
// when the book was not added. A program asking for JSON gets `{ ok: true }` or a 4xx with its
// code. The route is left out of proxy.ts (it renders no page, so needs no CSP nonce): it refuses
// cross-site, malformed and oversized posts itself first, with the proxy's own pure checks.

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_BOOK: 404,
  NOT_ORDERABLE: 409,
  NOT_ENOUGH_COPIES: 409,
  QUANTITY_TOO_LARGE: 409,
  ORDER_TOO_LARGE: 409,
  RATE_LIMITED: 429,
};

const NOT_A_FORM = failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page et réessayez.');

export async function addToCartFromRequest(request: Request): Promise<Response> {
  const crossSite = guardActionRequest(request.method, request.headers);
  if (crossSite) return problem(crossSite.status, crossSite.code, crossSite.message);
  const malformed = requestProblem({
    method: request.method,
    rawPath: new URL(request.url).pathname,
    contentLength: request.headers.get('content-length'),
    transferEncoding: request.headers.get('transfer-encoding'),
  });
  if (malformed?.kind === 'refused') return problem(malformed.status, malformed.code, malformed.message);
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const form = await readFormData(request);
  const result = form ? await addToCart(form) : NOT_A_FORM;
  if (wantsJson) {
    return result.ok
      ? Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } })
      : failureResponse(result, STATUS_BY_CODE);
  }
  const back = result.ok ? '/panier' : addToCartRefusalLocation(result.code, form?.get('ean'));
  // 303: the browser follows with a GET (RFC 9110, 15.4.4), so a reload does not post again.
  return new Response(null, { status: 303, headers: { Location: back, 'Cache-Control': 'no-store' } });
}
