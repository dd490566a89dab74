import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { describe, expect, it } from 'vitest';
import { withSerialTransactions } from './serial-transactions';

// A transaction whose statements take time, recording how many run at once and in what order.
function fakeFactory() {
  const log: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = async (label: string) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(label);
    running -= 1;
    if (label === 'FAIL') throw new Error('statement failed');
  };
  const transaction = {
    options: { usePhantomQuery: false },
    provider: 'postgres',
    adapterName: 'fake',
    queryRaw: async (query: SqlQuery) => {
      await run(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    },
    executeRaw: async (query: SqlQuery) => {
      await run(query.sql);
      return 1;
    },
    commit: () => run('COMMIT'),
    rollback: () => run('ROLLBACK'),
  } as unknown as Transaction;
  const adapter = {
    provider: 'postgres',
    adapterName: 'fake',
    queryRaw: transaction.queryRaw,
    executeRaw: transaction.executeRaw,
    executeScript: async () => undefined,
    startTransaction: async () => transaction,
    dispose: async () => undefined,
  } as unknown as SqlDriverAdapter;
  const factory = {
    provider: 'postgres',
    adapterName: 'fake',
    connect: async () => adapter,
    connectToShadowDb: async () => adapter,
  } as unknown as SqlMigrationAwareDriverAdapterFactory;
  return { factory, log, mostAtOnce: () => mostAtOnce };
}

const query = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

describe('withSerialTransactions', () => {
  it('runs the statements Prisma issues at once inside a transaction one after the other, in order', async () => {
    const fake = fakeFactory();
    const adapter = await withSerialTransactions(fake.factory).connect();
    const transaction = await adapter.startTransaction();
    // What Prisma's interpreter does for a nested create of two relations (Promise.all).
    await Promise.all([
      transaction.executeRaw(query('INSERT lines')),
      transaction.executeRaw(query('INSERT holds')),
      transaction.queryRaw(query('SELECT order')),
    ]);
    await transaction.commit();
    expect(fake.mostAtOnce()).toBe(1);
    expect(fake.log).toEqual(['INSERT lines', 'INSERT holds', 'SELECT order', 'COMMIT']);
  });

  it('a failed statement does not block the next one', async () => {
    const fake = fakeFactory();
    const adapter = await withSerialTransactions(fake.factory).connect();
    const transaction = await adapter.startTransaction();
    const results = await Promise.allSettled([
      transaction.queryRaw(query('SELECT 1')),
      transaction.queryRaw(query('FAIL')),
      transaction.queryRaw(query('SELECT 2')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(fake.log).toEqual(['SELECT 1', 'FAIL', 'SELECT 2']);
  });

  it('leaves queries outside transactions as they are (each takes its own pooled connection)', async () => {
    const fake = fakeFactory();
    const adapter = await withSerialTransactions(fake.factory).connect();
    await Promise.all([adapter.queryRaw(query('A')), adapter.queryRaw(query('B'))]);
    expect(fake.mostAtOnce()).toBe(2);
  });
});
