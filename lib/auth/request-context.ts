import 'server-only';
import { headers } from 'next/headers';

export type RequestContext = { ip: string; userAgent: string | null };

/**
 * The client's address for the login counters and the audit log: the last X-Forwarded-For
 * entry, i.e. the one added by the nearest proxy (nginx: `proxy_set_header X-Forwarded-For
 * $proxy_add_x_forwarded_for`). `next start` sets the header from the socket only when the
 * client sent none, so without a proxy a client can choose it: the per-account counters,
 * which do not depend on it, still hold.
 */
export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  const forwarded = (list.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const ip = (forwarded.at(-1) ?? list.get('x-real-ip') ?? 'inconnue').slice(0, 64);
  return { ip, userAgent: list.get('user-agent')?.slice(0, 300) ?? null };
}
