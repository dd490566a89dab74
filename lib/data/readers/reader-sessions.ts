import 'server-only';
import { getDb } from '@/lib/db';
import {
  READER_SESSION_ABSOLUTE_MS,
  READER_SESSION_IDLE_MS,
  READER_SESSION_TOUCH_MS,
  readerSessionIsLive,
} from '@/lib/reader-accounts/session-policy';
import { hashSessionToken, newSessionToken } from '@/lib/staff/session-policy';
import type { Tx } from '@/lib/data/platform/transactions';

// Readers' sessions, as the staff's (lib/data/staff/staff-sessions.ts): only the token's SHA-256
// is stored; a session dies after its idle or absolute expiry, or at "Se déconnecter".

export type SessionReader = { sessionId: number; lastSeenAt: Date; id: number; email: string };

/**
 * A new session for a reader who has just proven who they are, in the caller's transaction: by
 * a sign-in link or code today, by any other method tomorrow (a passkey). Returns the cookie's
 * token (never one the browser already had).
 */
export async function startReaderSession(tx: Tx, readerId: number, now: Date): Promise<string> {
  // Tidy this reader's dead sessions while we are here.
  await tx.readerSession.deleteMany({
    where: {
      readerId,
      OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - READER_SESSION_IDLE_MS) } }],
    },
  });
  const token = newSessionToken();
  await tx.readerSession.create({
    data: {
      readerId,
      tokenHash: hashSessionToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + READER_SESSION_ABSOLUTE_MS),
    },
    select: { id: true },
  });
  return token;
}

export async function findSessionReader(tokenHash: string, now: Date): Promise<SessionReader | null> {
  const session = await getDb().readerSession.findUnique({
    where: { tokenHash },
    select: { id: true, lastSeenAt: true, expiresAt: true, reader: { select: { id: true, email: true } } },
  });
  if (!session || !readerSessionIsLive(session, now)) return null;
  return { sessionId: session.id, lastSeenAt: session.lastSeenAt, id: session.reader.id, email: session.reader.email };
}

/** Keeps an active session from idling out; at most one write every few minutes. */
export async function touchReaderSession(
  session: Pick<SessionReader, 'sessionId' | 'lastSeenAt'>,
  now: Date,
): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < READER_SESSION_TOUCH_MS) return;
  await getDb().readerSession.updateMany({ where: { id: session.sessionId }, data: { lastSeenAt: now } });
}

/** "Se déconnecter": this browser's session only. */
export async function endReaderSession(tokenHash: string): Promise<void> {
  await getDb().readerSession.deleteMany({ where: { tokenHash } });
}
