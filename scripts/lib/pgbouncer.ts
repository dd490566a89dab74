// PgBouncer in transaction mode in front of a PostgreSQL server: the connection pooler of the
// multi-instance setup (docs/deployment.md), started here for the tests and the benchmarks.
// Debian's `pgbouncer` package (apt-get install pgbouncer; .ci/run installs it).
// Config reference: https://www.pgbouncer.org/config.html
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_POOL_SETTINGS } from '../../lib/database/prisma-client';
import { runAsIds } from './embedded-postgres';
import { systemPackage } from './system-packages';

export const PGBOUNCER_BINARY = systemPackage('pgbouncer').file;

const CONNECT_QUERY = [
  `SET statement_timeout = ${DEFAULT_POOL_SETTINGS.statementTimeoutMs}`,
  `SET lock_timeout = ${DEFAULT_POOL_SETTINGS.lockTimeoutMs}`,
  `SET idle_in_transaction_session_timeout = ${DEFAULT_POOL_SETTINGS.idleInTransactionMs}`,
].join('; ');

export type PgBouncer = {
  /** The same database as `serverUrl`, through the pooler. */
  url: string;
  stop(): Promise<void>;
};

type Options = {
  /** postgresql://user:password@127.0.0.1:port/database of the server behind. */
  serverUrl: string;
  port: number;
  /** A folder of its own for the config, the log and the pid file (deleted by stop()). */
  dir: string;
  /** Server connections per database and user, shared by every app instance. */
  poolSize?: number;
};

export function pgBouncerInstalled(): boolean {
  return existsSync(PGBOUNCER_BINARY);
}

/**
 * Starts PgBouncer. In transaction mode a server connection serves one transaction, then
 * another client's: session state does not follow a client, so the app's per-connection settings
 * (statement_timeout, lock_timeout, idle_in_transaction_session_timeout, sent at connection by
 * lib/database/prisma-client.ts) are dropped here (`ignore_startup_parameters`) and set instead on every
 * server connection PgBouncer opens (`connect_query`), with the same values.
 */
export async function startPgBouncer(options: Options): Promise<PgBouncer> {
  const server = new URL(options.serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const database = server.pathname.slice(1);

  const ids = runAsIds();
  mkdirSync(options.dir, { recursive: true });
  if ('uid' in ids) chownSync(options.dir, ids.uid, ids.gid);
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  writeFileSync(path.join(options.dir, 'users.txt'), `${quote(user)} ${quote(password)}\n`, { mode: 0o644 });
  const ini = [
    '[databases]',
    `* = host=${server.hostname} port=${server.port} user=${user} password=${password} connect_query='${CONNECT_QUERY}'`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${options.port}`,
    'unix_socket_dir =',
    'auth_type = scram-sha-256',
    `auth_file = ${path.join(options.dir, 'users.txt')}`,
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize ?? 20}`,
    'max_client_conn = 2000',
    'ignore_startup_parameters = statement_timeout, options, idle_in_transaction_session_timeout, extra_float_digits',
    `logfile = ${path.join(options.dir, 'pgbouncer.log')}`,
    `pidfile = ${path.join(options.dir, 'pgbouncer.pid')}`,
  ].join('\n');
  const config = path.join(options.dir, 'pgbouncer.ini');
  writeFileSync(config, `${ini}\n`, { mode: 0o644 });

  let output = '';
  const child = spawn(PGBOUNCER_BINARY, [config], { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-5_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
      rmSync(options.dir, { recursive: true, force: true });
    })();
    return stopping;
  };
  try {
    await waitForPool(
      url,
      () => child.exitCode !== null,
      () => output,
    );
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForPool(url: string, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited()) throw new Error(`PgBouncer s'est arrêté au démarrage :\n${output()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PgBouncer ne répond pas : ${String(error)}\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
