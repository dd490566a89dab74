// The driver adapter factory the WebAssembly schema engine talks to PostgreSQL through:
// @prisma/adapter-pg, plus what a schema engine needs and adapter-pg 7.10.1 does not give: one
// connection, `"char"` columns, whole scripts, and a shadow database it can drop
// (see docs/decisions/002-migrations-with-wasm-schema-engine.md).
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const CHAR_OID = 18; // the internal one-byte `"char"` type (pg_class.relkind, pg_constraint.contype…)
const TEXT_OID = 25;

/*
 * The engine reads pg_catalog columns of type `"char"` and expects them as Character values,
 * but adapter-pg 7.10.1 has no mapping for that type and throws "Unsupported column type char".
 * The pg client below labels those columns `text` (their values are already strings) and wraps
 * each value in a CharValue; queryRaw then unwraps them and reports the column as Character.
 * Marking the values themselves keeps each result self-describing, with no shared state.
 */
class CharValue {
  constructor(value) {
    this.value = value;
  }
}

function markCharColumns(result) {
  for (const { fields = [], rows = [] } of [result].flat()) {
    fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      for (const row of rows) if (Array.isArray(row)) row[index] = new CharValue(row[index]);
    });
  }
  return result;
}

/** Used through the pool's documented `Client` option, so pooled queries and transactions both pass here. */
class CharColumnsClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') [values, callback] = [undefined, values];
    if (typeof callback === 'function') {
      return super.query(config, values, (error, result) => callback(error, error ? result : markCharColumns(result)));
    }
    const pending = super.query(config, values);
    return typeof pending?.then === 'function' ? pending.then(markCharColumns) : pending;
  }
}

function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const row of resultSet.rows) {
      row.forEach((value, index) => {
        if (!(value instanceof CharValue)) return;
        row[index] = value.value;
        resultSet.columnTypes[index] = ColumnTypeEnum.Character;
      });
    }
    return resultSet;
  };
  return queryable;
}

/** The same connection string, pointing at another database of the same server. */
export function withDatabase(url, database) {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  return target.toString();
}

/**
 * One connection, like the native engine: it takes a session-level advisory lock
 * (`pg_advisory_lock(72707369)`) during `migrate deploy` and expects every later query on the
 * same session.
 */
async function connectAdapter(url) {
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const factory = new PrismaPg({ connectionString: url, max: 1, Client: CharColumnsClient }, { schema });
  const adapter = reportCharColumns(await factory.connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
  // adapter-pg splits scripts on every `;`, which breaks `DO $$ … $$` blocks, function bodies and
  // string literals. A query without parameters goes through PostgreSQL's simple query protocol,
  // which runs a whole multi-statement script, as the native engine does.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

async function runOnce(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name) => pg.escapeIdentifier(name);

/**
 * A `SqlMigrationAwareDriverAdapterFactory` (connect + connectToShadowDb) for the datasource the
 * CLI passes: `{ url, shadowDatabaseUrl? }`.
 */
export function createAdapterFactory({ url, shadowDatabaseUrl, log }) {
  const open = new Set();
  const openShadows = new Set();
  const track = (adapter, { shadow = false, release } = {}) => {
    const dispose = adapter.dispose.bind(adapter);
    let disposed;
    adapter.dispose = () => {
      disposed ??= (async () => {
        open.delete(adapter);
        openShadows.delete(adapter);
        await dispose();
        await release?.();
      })();
      return disposed;
    };
    open.add(adapter);
    if (shadow) openShadows.add(adapter);
    return adapter;
  };

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',

    async connect() {
      return track(await connectAdapter(url));
    },

    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A configured shadow database is the user's to provide and is emptied before use,
        // as the native engine does.
        await runOnce(shadowDatabaseUrl, 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
        return track(await connectAdapter(shadowDatabaseUrl), { shadow: true });
      }
      // Otherwise a throwaway database on the same server, dropped once the engine is done.
      // The pool must be closed before the DROP (a database with open sessions cannot be dropped);
      // WITH (FORCE) (PostgreSQL 13+) ends any session left over after a crash.
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      log(`creating shadow database ${name}`);
      await runOnce(url, `CREATE DATABASE ${quoteIdentifier(name)}`);
      const adapter = await connectAdapter(withDatabase(url, name));
      return track(adapter, {
        shadow: true,
        release: async () => {
          log(`dropping shadow database ${name}`);
          await runOnce(url, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
        },
      });
    },

    /**
     * A shadow database lives for one command. The engine disposes it after `migrate dev`'s
     * diagnostics but not after `migrate diff --from-migrations`, and the CLI kills the engine
     * right after closing its stdin, so the bridge releases shadows before answering each request.
     */
    async releaseShadowDatabases() {
      await Promise.all([...openShadows].map((adapter) => adapter.dispose()));
    },

    /** Closes every connection still open before the process exits. */
    async closeAll() {
      await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
    },
  };
}
