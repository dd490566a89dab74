import { createHash, timingSafeEqual } from 'node:crypto';

// Who may read the metrics without a staff session: a scraper sending
// `Authorization: Bearer <METRICS_TOKEN>` (RFC 6750, section 2.1). Compared in constant time over
// fixed-length digests, so neither the token's characters nor its length leak through timing.

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

export function bearerTokenMatches(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token || !authorization) return false;
  const presented = BEARER.exec(authorization.trim())?.[1];
  if (!presented) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}
