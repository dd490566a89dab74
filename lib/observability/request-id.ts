import { randomUUID } from 'node:crypto';

// Each request gets an id, written on each of its log lines and sent back as X-Request-Id. A
// proxy of ours in front (nginx's $request_id, a load balancer's) may have chosen one already:
// it is kept then, so its logs and ours name the request the same way; without a trusted proxy
// anyone could choose it, and a chosen id could be made to look like another request's.

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids as proxies make them: nginx's 32 hex digits, UUIDs, AWS's "Root=1-…"; no space, no quote. */
const WELL_FORMED = /^[A-Za-z0-9._:=+/-]{8,128}$/;

export function isWellFormedRequestId(value: string): boolean {
  return WELL_FORMED.test(value);
}

/** The incoming id when a trusted proxy sent a well-formed one, else a fresh random one. */
export function requestIdFor(header: string | string[] | undefined, trustedProxies: number): string {
  const incoming = Array.isArray(header) ? header[0] : header;
  if (trustedProxies > 0 && incoming !== undefined && isWellFormedRequestId(incoming)) return incoming;
  return randomUUID();
}
