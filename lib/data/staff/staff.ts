import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from './audit';
import { createStaffSession, deleteStaffSessions } from './staff-sessions';
import { STAFF_LIMITS, transact, transactOrThrow, type Tx } from '@/lib/data/platform/transactions';

/** Who acts, for the audit log. */
export type Actor = { id: number; ip: string | null };

export type StaffAccount = {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  disabledAt: Date | null;
  createdAt: Date;
};

const ACCOUNT_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
} satisfies Prisma.StaffSelect;

/** An active account's password hash, for the login; null for an unknown or disabled e-mail. */
export async function findStaffForLogin(email: string) {
  return getDb().staff.findFirst({
    where: { email, disabledAt: null },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
}

export async function getPasswordHash(staffId: number): Promise<string | null> {
  const staff = await getDb().staff.findFirst({
    where: { id: staffId, disabledAt: null },
    select: { passwordHash: true },
  });
  return staff?.passwordHash ?? null;
}

/** A successful login: a new session and its audit entry, together. */
export async function openStaffSession(
  staff: { id: number },
  input: { tokenHash: string; ip: string | null; userAgent: string | null },
  now: Date,
): Promise<void> {
  await transactOrThrow(async (tx) => {
    await createStaffSession(tx, { staffId: staff.id, ...input }, now);
    await recordAudit(tx, { staffId: staff.id, action: 'auth.login', ip: input.ip });
  }, STAFF_LIMITS);
}

export async function listStaffAccounts(): Promise<StaffAccount[]> {
  return getDb().staff.findMany({
    orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: ACCOUNT_SELECT,
  });
}

export async function createStaffAccount(
  actor: Actor | null,
  input: { email: string; name: string; role: StaffRole; passwordHash: string },
): Promise<Result<{ staffId: number }>> {
  try {
    const staffId = await transactOrThrow(async (tx) => {
      const created = await tx.staff.create({ data: input, select: { id: true } });
      await recordAudit(tx, {
        staffId: actor?.id ?? null,
        action: 'staff.created',
        after: { staffId: created.id, email: input.email, name: input.name, role: input.role },
        ip: actor?.ip,
      });
      return created.id;
    }, STAFF_LIMITS);
    return { ok: true, staffId };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return failure('EMAIL_TAKEN', 'Un compte existe déjà avec cette adresse e-mail.', {
        fieldErrors: { email: 'Un compte existe déjà avec cette adresse e-mail.' },
      });
    }
    throw error;
  }
}

const LAST_ADMIN = failure(
  'LAST_ADMIN',
  'La librairie doit garder au moins un administrateur actif : nommez-en un autre d’abord.',
);

/**
 * Locks the target and every active admin, in id order (one order for every transaction, so
 * two admins demoting each other at once queue instead of both succeeding), and says whether
 * the target is the last active admin.
 */
async function lockAccounts(tx: Tx, staffId: number) {
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Staff" WHERE ("role" = 'admin' AND "disabledAt" IS NULL) OR "id" = ${staffId}
    ORDER BY "id" FOR UPDATE`;
  const target = await tx.staff.findUnique({ where: { id: staffId }, select: ACCOUNT_SELECT });
  const activeAdmins = admins.length - (target && (target.role !== 'admin' || target.disabledAt) ? 1 : 0);
  return { target, isLastAdmin: target?.role === 'admin' && !target.disabledAt && activeAdmins <= 1 };
}

export async function changeStaffRole(
  actor: Actor,
  input: { staffId: number; role: StaffRole },
): Promise<Result<object>> {
  return transact(async (tx) => {
    const { target, isLastAdmin } = await lockAccounts(tx, input.staffId);
    if (!target) return failure('UNKNOWN_STAFF', 'Ce compte n’existe pas.');
    if (target.role === input.role) return { ok: true };
    if (isLastAdmin) return LAST_ADMIN;
    await tx.staff.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'staff.role_changed',
      before: { staffId: target.id, email: target.email, role: target.role },
      after: { staffId: target.id, email: target.email, role: input.role },
      ip: actor.ip,
    });
    return { ok: true };
  }, STAFF_LIMITS);
}

/** Disabling ends every session of the account at once; enabling lets it log in again. */
export async function setStaffDisabled(
  actor: Actor,
  input: { staffId: number; disabled: boolean },
  now: Date,
): Promise<Result<{ endedSessions: number }>> {
  if (input.disabled && input.staffId === actor.id) {
    return failure('SELF_DISABLE', 'Vous ne pouvez pas désactiver votre propre compte.');
  }
  return transact(async (tx) => {
    const { target, isLastAdmin } = await lockAccounts(tx, input.staffId);
    if (!target) return failure('UNKNOWN_STAFF', 'Ce compte n’existe pas.');
    if (Boolean(target.disabledAt) === input.disabled) return { ok: true, endedSessions: 0 };
    if (input.disabled && isLastAdmin) return LAST_ADMIN;
    await tx.staff.update({ where: { id: target.id }, data: { disabledAt: input.disabled ? now : null } });
    const endedSessions = input.disabled ? await deleteStaffSessions(tx, target.id) : 0;
    await recordAudit(tx, {
      staffId: actor.id,
      action: input.disabled ? 'staff.disabled' : 'staff.enabled',
      before: { staffId: target.id, email: target.email, disabled: !input.disabled },
      after: { staffId: target.id, email: target.email, disabled: input.disabled, endedSessions },
      ip: actor.ip,
    });
    return { ok: true, endedSessions };
  }, STAFF_LIMITS);
}

/** Logout: the session row goes, so the cookie opens nothing even if it was copied. */
export async function endStaffSession(actor: Actor & { sessionId: number }): Promise<void> {
  await transactOrThrow(async (tx) => {
    await tx.staffSession.deleteMany({ where: { id: actor.sessionId } });
    await recordAudit(tx, { staffId: actor.id, action: 'auth.logout', ip: actor.ip });
  }, STAFF_LIMITS);
}

/** A session token presented at login is dropped: the login always starts a new session. */
export async function dropSessionByTokenHash(tokenHash: string): Promise<void> {
  await getDb().staffSession.deleteMany({ where: { tokenHash } });
}

/** The new hash replaces the old one; every other session of the account ends. */
export async function replacePassword(
  actor: Actor & { sessionId: number },
  passwordHash: string,
): Promise<{ endedSessions: number }> {
  return transactOrThrow(async (tx) => {
    await tx.staff.update({ where: { id: actor.id }, data: { passwordHash } });
    const endedSessions = await deleteStaffSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'auth.password_changed',
      after: { endedSessions },
      ip: actor.ip,
    });
    return { endedSessions };
  }, STAFF_LIMITS);
}
