import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool, createPrismaClientOnPool, type PrismaClient } from '@/lib/database/prisma-client';
import { freePort } from '@/scripts/test/database';
import { isDatabaseBusy, isDatabaseUnreachable } from './errors';

// The errors Prisma really throws when nothing listens at the database's address: each must be
// read as "unreachable", so that the page gives the 503 page (lib/http/database-guard.ts), not a 500.
let client: PrismaClient;

beforeAll(async () => {
  const closedPort = await freePort();
  client = createPrismaClientOnPool(
    createPool(`postgresql://librairie:librairie@127.0.0.1:${closedPort}/librairie`, { connectTimeoutMs: 2_000 }),
  );
});
afterAll(() => client?.$disconnect());

async function errorOf(query: () => Promise<unknown>): Promise<unknown> {
  try {
    await query();
  } catch (error) {
    return error;
  }
  throw new Error('the query succeeded on a closed port');
}

describe('an unreachable database', () => {
  it('is recognised from a model query (P1001)', async () => {
    const error = await errorOf(() => client.book.findFirst({ select: { id: true } }));
    expect(isDatabaseUnreachable(error)).toBe(true);
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it('is recognised from a raw query (P2010 with the adapter kind DatabaseNotReachable)', async () => {
    const error = await errorOf(() => client.$queryRaw`SELECT 1`);
    expect(error).toMatchObject({ code: 'P2010' });
    expect(isDatabaseUnreachable(error)).toBe(true);
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it('is not confused with a bug: a query error from a reachable server is not "unreachable"', () => {
    const syntaxError = Object.assign(new Error('Raw query failed. Code: `42601`. Message: `syntax error`'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2010',
      meta: { driverAdapterError: { cause: { kind: 'postgres', code: '42601', originalCode: '42601' } } },
    });
    expect(isDatabaseUnreachable(syntaxError)).toBe(false);
    expect(isDatabaseBusy(syntaxError)).toBe(false);
  });
});

describe('a pool whose connections are all in use', () => {
  it('is busy (retry), not unreachable: a rush must not open the circuit breaker', async () => {
    const pool = createPool(inject('databaseUrl'), { size: 1, connectTimeoutMs: 500 });
    const full = createPrismaClientOnPool(pool);
    const held = await pool.connect();
    try {
      for (const query of [() => full.book.findFirst({ select: { id: true } }), () => full.$queryRaw`SELECT 1`]) {
        const error = await errorOf(query);
        expect(String(error)).toContain('timeout exceeded when trying to connect');
        expect(isDatabaseUnreachable(error)).toBe(false);
        expect(isDatabaseBusy(error)).toBe(true);
      }
    } finally {
      held.release();
      await full.$disconnect();
    }
  });
});

describe('a row lock held past lock_timeout', () => {
  it('is busy from a raw query too (P2010 carrying SQLSTATE 55P03), as from a model query', async () => {
    const waiting = createPrismaClientOnPool(createPool(inject('databaseUrl'), { size: 1, lockTimeoutMs: 300 }));
    const holder = createPool(inject('databaseUrl'), { size: 1 });
    const locker = await holder.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM "Book" WHERE "id" = (SELECT min("id") FROM "Book") FOR UPDATE');
      const error = await errorOf(() =>
        waiting.$transaction(
          (tx) => tx.$queryRaw`SELECT 1 FROM "Book" WHERE "id" = (SELECT min("id") FROM "Book") FOR UPDATE`,
        ),
      );
      expect(error).toMatchObject({ code: 'P2010' });
      expect(String(error)).toContain('55P03');
      expect(isDatabaseUnreachable(error)).toBe(false);
      expect(isDatabaseBusy(error)).toBe(true);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
      await holder.end();
      await waiting.$disconnect();
    }
  });
});
