import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { findSessionReader, touchReaderSession, type SessionReader } from '@/lib/data/readers/reader-sessions';
import { hashSessionToken } from '@/lib/staff/session-policy';
import { readReaderSessionToken } from './reader-cookies';

export type CurrentReader = SessionReader;

/** The signed-in reader, or null. Read once per request. */
export const getCurrentReader = cache(async (): Promise<CurrentReader | null> => {
  const token = await readReaderSessionToken();
  return token ? findSessionReader(hashSessionToken(token), new Date()) : null;
});

/**
 * The gate of /compte: every account page, action and route calls it first, itself. Nobody
 * signed in: to /compte/connexion (an action too: a form posted after the session ended lands
 * on the sign-in form, not on an error). Signed in: the session's idle timer restarts.
 */
export async function requireReader(): Promise<CurrentReader> {
  const reader = await getCurrentReader();
  if (!reader) redirect('/compte/connexion');
  await touchReaderSession(reader, new Date());
  return reader;
}
