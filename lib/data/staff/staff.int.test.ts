import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashSessionToken, newSessionToken, SESSION_IDLE_MS } from '@/lib/staff/session-policy';
import { changeOwnPassword } from '@/lib/auth/staff-accounts';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { changeStaffRole, endStaffSession, openStaffSession, setStaffDisabled } from './staff';
import { findSessionStaff } from './staff-sessions';

// Staff accounts and sessions on a real PostgreSQL.
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

async function loggedIn(staffId: number, now = new Date()) {
  const token = newSessionToken();
  await openStaffSession(
    { id: staffId },
    { tokenHash: hashSessionToken(token), ip: '192.0.2.30', userAgent: 'vitest' },
    now,
  );
  return hashSessionToken(token);
}

describe('sessions', () => {
  it('a live session finds its member; idle for 8 h or past its end, it finds nobody', async () => {
    const staff = await createTestStaff(db);
    const now = new Date();
    const live = await loggedIn(staff.id, now);
    expect(await findSessionStaff(live, now)).toMatchObject({ id: staff.id, role: 'libraire', email: staff.email });
    expect(await findSessionStaff(live, new Date(now.getTime() + SESSION_IDLE_MS))).toBeNull();
    expect(await findSessionStaff(live, new Date(now.getTime() + 13 * 3600_000))).toBeNull();
    expect(await findSessionStaff(hashSessionToken(newSessionToken()), now)).toBeNull();
  });

  it('disabling an account ends every one of its sessions at once', async () => {
    const admin = await createTestStaff(db, 'admin');
    const staff = await createTestStaff(db);
    const sessions = [await loggedIn(staff.id), await loggedIn(staff.id)];
    expect(
      await setStaffDisabled({ id: admin.id, ip: null }, { staffId: staff.id, disabled: true }, new Date()),
    ).toEqual({
      ok: true,
      endedSessions: 2,
    });
    for (const session of sessions) expect(await findSessionStaff(session, new Date())).toBeNull();
    expect(await db.staffSession.count({ where: { staffId: staff.id } })).toBe(0);
    expect(
      await db.auditEntry.findFirst({
        where: { action: 'staff.disabled', staffId: admin.id },
        orderBy: { id: 'desc' },
      }),
    ).toMatchObject({ after: { staffId: staff.id, disabled: true, endedSessions: 2 } });
  });

  it('logout removes the session row; a new password ends the other sessions and needs the old one', async () => {
    const staff = await createTestStaff(db);
    const here = await loggedIn(staff.id);
    const elsewhere = await loggedIn(staff.id);
    const current = (await findSessionStaff(here, new Date()))!;
    expect(
      await changeOwnPassword(
        { id: staff.id, sessionId: current.sessionId, ip: null },
        {
          currentPassword: 'pas le bon',
          newPassword: 'un nouveau mot de passe',
        },
      ),
    ).toMatchObject({ ok: false, code: 'WRONG_PASSWORD', message: 'Mot de passe actuel incorrect.' });
    expect(
      await changeOwnPassword(
        { id: staff.id, sessionId: current.sessionId, ip: null },
        {
          currentPassword: staff.password,
          newPassword: 'un nouveau mot de passe',
        },
      ),
    ).toEqual({ ok: true, endedSessions: 1 });
    expect(await findSessionStaff(elsewhere, new Date())).toBeNull();
    expect(await findSessionStaff(here, new Date())).not.toBeNull();
    await endStaffSession({ id: staff.id, sessionId: current.sessionId, ip: null });
    expect(await findSessionStaff(here, new Date())).toBeNull();
  });
});

describe('admins', () => {
  it('the last active admin can be neither demoted nor disabled, even by two admins at once', async () => {
    // Disable every other admin first, so exactly the two below are active.
    const [a, b] = [await createTestStaff(db, 'admin'), await createTestStaff(db, 'admin')];
    await db.staff.updateMany({
      where: { role: 'admin', id: { notIn: [a.id, b.id] } },
      data: { disabledAt: new Date() },
    });
    const results = await Promise.all([
      changeStaffRole({ id: a.id, ip: null }, { staffId: b.id, role: 'libraire' }),
      changeStaffRole({ id: b.id, ip: null }, { staffId: a.id, role: 'libraire' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      code: 'LAST_ADMIN',
      message: 'La librairie doit garder au moins un administrateur actif : nommez-en un autre d’abord.',
    });
    expect(await db.staff.count({ where: { role: 'admin', disabledAt: null } })).toBe(1);
    const [last] = await db.staff.findMany({ where: { role: 'admin', disabledAt: null }, select: { id: true } });
    const someone = await createTestStaff(db, 'admin');
    await db.staff.update({ where: { id: someone.id }, data: { disabledAt: new Date() } });
    expect(
      await setStaffDisabled({ id: someone.id, ip: null }, { staffId: last!.id, disabled: true }, new Date()),
    ).toMatchObject({
      code: 'LAST_ADMIN',
    });
    expect(
      await setStaffDisabled({ id: last!.id, ip: null }, { staffId: last!.id, disabled: true }, new Date()),
    ).toMatchObject({
      code: 'SELF_DISABLE',
    });
  });
});

describe('the audit log', () => {
  it('is append-only: the database refuses to change or delete an entry', async () => {
    const staff = await createTestStaff(db);
    await loggedIn(staff.id);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { staffId: staff.id } });
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { action: 'auth.logout' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });
});
