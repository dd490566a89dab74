import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOGIN_LIMITS } from '@/lib/data/staff/login-throttle';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestStaff, type TestStaff } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { LOGIN_REFUSED, logIn, type LoginAttempt } from './login';
import { hashSessionToken } from '@/lib/staff/session-policy';

// Staff login on a real PostgreSQL: the counters that slow guessing, the audit log, and the
// same answer whether the e-mail exists or not. Each test uses its own IP addresses.
let db: PrismaClient;
let staff: TestStaff;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  staff = await createTestStaff(db, 'libraire');
});
afterAll(() => db.$disconnect());

const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
const attempt = (overrides: Partial<LoginAttempt>): LoginAttempt => ({
  email: staff.email,
  password: staff.password,
  ip: freshIp(),
  userAgent: 'vitest',
  deviceId: null,
  ...overrides,
});

const auditFor = (email: string) =>
  db.auditEntry.findMany({
    where: { action: { startsWith: 'auth.' }, after: { path: ['email'], equals: email } },
    orderBy: { id: 'asc' },
    select: { action: true, staffId: true, ipAddress: true, after: true },
  });

describe('logIn', () => {
  it('opens a new session whose token is stored only as a hash', async () => {
    const result = await logIn(attempt({}), new Date());
    expect(result).toMatchObject({ ok: true, staffName: staff.name });
    if (!result.ok) return;
    expect(await db.staffSession.count({ where: { tokenHash: result.sessionToken } })).toBe(0);
    expect(
      await db.staffSession.count({ where: { tokenHash: hashSessionToken(result.sessionToken), staffId: staff.id } }),
    ).toBe(1);
    expect(await db.auditEntry.count({ where: { action: 'auth.login', staffId: staff.id } })).toBeGreaterThan(0);
  });

  it('20 wrong passwords in a row: 5 are checked, the next 15 refused unchecked, all 20 logged; then even the right one waits', async () => {
    const ip = freshIp();
    const timings: number[] = [];
    const results = [];
    for (let i = 0; i < 20; i += 1) {
      const started = performance.now();
      results.push(await logIn(attempt({ ip, password: `mauvais ${i}` }), new Date()));
      timings.push(performance.now() - started);
    }
    expect(results.slice(0, 5).map((r) => !r.ok && r.message)).toEqual(Array(5).fill(LOGIN_REFUSED));
    for (const result of results.slice(5)) {
      expect(result).toEqual({
        ok: false,
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Trop de tentatives de connexion. Réessayez dans 15 minutes.',
      });
    }
    const logged = await db.auditEntry.findMany({
      where: { ipAddress: ip.slice(0, 64) },
      orderBy: { id: 'asc' },
      select: { action: true, staffId: true },
    });
    expect(logged.map((e) => e.action)).toEqual([
      ...Array(5).fill('auth.login_failed'),
      ...Array(15).fill('auth.login_throttled'),
    ]);
    expect(logged.every((e) => e.staffId === null)).toBe(true);
    expect(await logIn(attempt({ ip }), new Date())).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' });
    // Bounded: no counter blocks for longer than 15 minutes.
    const rows = await db.loginThrottle.findMany({ where: { expire: { not: null } }, select: { expire: true } });
    for (const row of rows) expect(row.expire!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `20 wrong passwords: median ${median(timings.slice(0, 5)).toFixed(0)} ms for the 5 checked, ` +
        `${median(timings.slice(5)).toFixed(0)} ms for the 15 refused (then 15 min to wait)`,
    );
  });

  it('an unknown e-mail gets the same answer and leaves the same traces as a wrong password', async () => {
    const unknown = `personne.${randomUUID().slice(0, 8)}@librairie.test`;
    const known = await createTestStaff(db, 'libraire');
    const forUnknown = await logIn(attempt({ email: unknown, password: 'quelque chose' }), new Date());
    const forKnown = await logIn(attempt({ email: known.email, password: 'quelque chose' }), new Date());
    expect(forUnknown).toEqual(forKnown);
    expect(forUnknown).toEqual({
      ok: false,
      code: 'INVALID_CREDENTIALS',
      message: 'Adresse e-mail ou mot de passe incorrect.',
    });
    const [unknownEntry] = await auditFor(unknown);
    const [knownEntry] = await auditFor(known.email);
    expect(unknownEntry).toMatchObject({ action: 'auth.login_failed', staffId: null, after: { knownAccount: false } });
    expect(knownEntry).toMatchObject({ action: 'auth.login_failed', staffId: null, after: { knownAccount: true } });
    // The unknown e-mail is throttled exactly like a real one.
    const ip = freshIp();
    for (let i = 0; i < 5; i += 1) await logIn(attempt({ ip, email: unknown, password: 'x' }), new Date());
    expect(await logIn(attempt({ ip, email: unknown, password: 'x' }), new Date())).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
  });

  it('a disabled account is refused like an unknown one', async () => {
    const gone = await createTestStaff(db, 'libraire');
    await db.staff.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    expect(await logIn(attempt({ email: gone.email, password: gone.password }), new Date())).toEqual({
      ok: false,
      code: 'INVALID_CREDENTIALS',
      message: LOGIN_REFUSED,
    });
  });

  it('an attacker spread over many addresses blocks the account for 15 minutes at most, never a browser that logged in before', async () => {
    const victim = await createTestStaff(db, 'libraire');
    const deviceId = randomUUID().replace(/-/g, '').slice(0, 22);
    // Three failures from each of 7 addresses: no address reaches its own limit, the account does.
    for (let i = 0; i < 7; i += 1) {
      const ip = freshIp();
      for (let j = 0; j < 3; j += 1) await logIn(attempt({ email: victim.email, ip, password: 'devine' }), new Date());
    }
    expect(await logIn(attempt({ email: victim.email, password: victim.password }), new Date())).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    // The colleague's own browser carries a device cookie: counted on its own, still let in.
    expect(
      await logIn(attempt({ email: victim.email, password: victim.password, deviceId }), new Date()),
    ).toMatchObject({
      ok: true,
    });
  });

  it('counters hold across app instances: two processes, 12 attempts each at once on one account, from new addresses', async () => {
    const target = await createTestStaff(db, 'libraire');
    const items = (n: number) =>
      Array.from({ length: n }, () => attempt({ email: target.email, password: 'devine', ip: freshIp() }));
    const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
      { kind: 'login', items: items(12) },
      { kind: 'login', items: items(12) },
    ]);
    const outcomes = runs.flatMap((run) => run.results);
    const refused = outcomes.filter((o) => !o.ok && o.code === 'INVALID_CREDENTIALS').length;
    const throttled = outcomes.filter((o) => !o.ok && o.code === 'TOO_MANY_ATTEMPTS').length;
    expect(refused + throttled).toBe(24);
    // Every attempt of both instances is counted on the one account counter before its check:
    // exactly the limit is checked, however many arrive at once.
    expect(refused).toBe(LOGIN_LIMITS.account.points);
    expect(throttled).toBe(24 - LOGIN_LIMITS.account.points);
    const key = `account:${createHash('sha256').update(`account:${target.email}`).digest('hex')}`;
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key } })).points).toBeGreaterThan(
      LOGIN_LIMITS.account.points,
    );
    console.log(`24 failures from 2 instances: ${refused} checked, ${throttled} refused unchecked`);
    expect(await logIn(attempt({ email: target.email, password: target.password }), new Date())).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
  });
});
