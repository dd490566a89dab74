import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

// Prisma 7's query interpreter runs independent parts of one query at once (its `concat`,
// `sum` and `join` plan nodes use Promise.all: a nested create of two relations, a read of two
// relations). Outside a transaction each part takes its own pooled connection; inside one they
// all go to the transaction's single connection, where `pg` 8 queues them with the warning
// "Calling client.query() when the client is already executing a query" and `pg` 9 will throw.
// This wraps the driver adapter so that a transaction's statements run one after the other,
// in the order Prisma issued them. Nothing else changes.

type Queued = <T>(work: () => Promise<T>) => Promise<T>;

function queue(): Queued {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = tail.then(work, work);
    tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
}

function serialTransaction(transaction: Transaction): Transaction {
  const run = queue();
  return new Proxy(transaction, {
    get(target, property) {
      if (property === 'queryRaw')
        return (query: Parameters<Transaction['queryRaw']>[0]) => run(() => target.queryRaw(query));
      if (property === 'executeRaw') {
        return (query: Parameters<Transaction['executeRaw']>[0]) => run(() => target.executeRaw(query));
      }
      // Commit and rollback wait for the statements before them.
      if (property === 'commit') return () => run(() => target.commit());
      if (property === 'rollback') return () => run(() => target.rollback());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function serialAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
          serialTransaction(await target.startTransaction(...args));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function withSerialTransactions<Factory extends SqlMigrationAwareDriverAdapterFactory>(
  factory: Factory,
): Factory {
  return new Proxy(factory, {
    get(target, property) {
      if (property === 'connect') return async () => serialAdapter(await target.connect());
      if (property === 'connectToShadowDb') return async () => serialAdapter(await target.connectToShadowDb());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
