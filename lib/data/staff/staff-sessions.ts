import 'server-only';
import { getDb } from '@/lib/db';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS, sessionIsLive } from '@/lib/staff/session-policy';
import { type Tx } from '@/lib/data/platform/transactions';

export type SessionStaff = {
  sessionId: number;
  lastSeenAt: Date;
  id: number;
  name: string;
  email: string;
  role: StaffRole;
};

/** The member of staff behind a session token's hash, if the session is live and the account active. */
export async function findSessionStaff(tokenHash: string, now: Date): Promise<SessionStaff | null> {
  const session = await getDb().staffSession.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      staff: { select: { id: true, name: true, email: true, role: true, disabledAt: true } },
    },
  });
  if (!session || session.staff.disabledAt || !sessionIsLive(session, now)) return null;
  const { staff } = session;
  return {
    sessionId: session.id,
    lastSeenAt: session.lastSeenAt,
    id: staff.id,
    name: staff.name,
    email: staff.email,
    role: staff.role,
  };
}

/** Keeps an active session from idling out; at most one write every few minutes. */
export async function touchSession(session: Pick<SessionStaff, 'sessionId' | 'lastSeenAt'>, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_TOUCH_MS) return;
  await getDb().staffSession.updateMany({ where: { id: session.sessionId }, data: { lastSeenAt: now } });
}

/** A new session at every login (never reuse a token from before the login), in the caller's transaction. */
export async function createStaffSession(
  tx: Tx,
  input: { staffId: number; tokenHash: string; ip: string | null; userAgent: string | null },
  now: Date,
): Promise<number> {
  // Tidy this member's dead sessions while we are here.
  await tx.staffSession.deleteMany({
    where: {
      staffId: input.staffId,
      OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }],
    },
  });
  const session = await tx.staffSession.create({
    data: {
      staffId: input.staffId,
      tokenHash: input.tokenHash,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ipAddress: input.ip?.slice(0, 64) ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return session.id;
}

/** Every session of a member of staff (disabled account, new password), but the one given. */
export async function deleteStaffSessions(tx: Tx, staffId: number, exceptSessionId?: number): Promise<number> {
  const deleted = await tx.staffSession.deleteMany({
    where: { staffId, ...(exceptSessionId !== undefined && { id: { not: exceptSessionId } }) },
  });
  return deleted.count;
}
