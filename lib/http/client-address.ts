import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';

/**
 * The address of the client, for rate limits and the cap on held copies. Next sets
 * X-Forwarded-For to the socket's address when the request has none; each trusted proxy in
 * front (TRUSTED_PROXY_COUNT) appends the address it saw, so the client is the entry that many
 * places from the right. Entries further left are the client's own words and are ignored.
 * Without a proxy in front, a client can choose its X-Forwarded-For: run behind one in
 * production (docs/decisions/007-buying-path-under-load.md).
 */
export async function clientAddress(): Promise<string> {
  const hops = ((await headers()).get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  const fromRight = Math.max(getEnv().TRUSTED_PROXY_COUNT, 1);
  return (hops[hops.length - fromRight] ?? hops[0] ?? 'inconnue').slice(0, 64);
}

/** The address as stored with an order: keyed-hashed, never in clear. */
export async function clientKey(): Promise<string> {
  return createHmac('sha256', getEnv().COOKIE_SECRET[0])
    .update(`client:${await clientAddress()}`)
    .digest('hex')
    .slice(0, 32);
}
