// The CSP nonce of pages rendered behind the front cache (proxy.ts). A stored page must not
// carry one nonce for every reader (a nonce known in advance protects nothing:
// https://www.w3.org/TR/CSP3/#security-nonces), so the app writes this placeholder and nginx
// replaces every occurrence, in the HTML and in the Content-Security-Policy header, with its
// $request_id (scripts/front-cache/nginx.conf). Base64url characters only, as a nonce must be.
export const FRONT_CACHE_NONCE_PLACEHOLDER = 'FrontCacheNoncePlaceholder0';
