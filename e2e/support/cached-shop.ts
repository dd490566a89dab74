import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { E2E_PORTS } from './ports';

// `npm run start:cached` for e2e/front-cache.spec.ts, on its own ports and its own embedded
// database (.data/e2e-cached, emptied first), beside the shop the other specs use.

const ROOT = path.resolve(import.meta.dirname, '../..');

export const CACHED = {
  url: `http://localhost:${E2E_PORTS.cachedFront}`,
  /** Varnish's purge socket, where the app sends its purges. */
  varnishUrl: `http://127.0.0.1:${E2E_PORTS.cachedFront + 1}/`,
  /** The app itself, behind the cache: what a page says right now. */
  appUrl: `http://127.0.0.1:${E2E_PORTS.cachedFront + 2}`,
  databaseUrl: `postgresql://librairie:librairie-local@127.0.0.1:${E2E_PORTS.cachedDatabase}/librairie`,
  emulatorUrl: `http://127.0.0.1:${E2E_PORTS.cachedEmulator}`,
  emulatorPublicUrl: `http://localhost:${E2E_PORTS.cachedEmulator}`,
} as const;

export type CachedShop = { stop(): Promise<void> };

export async function startCachedShop(): Promise<CachedShop> {
  const dataDir = '.data/e2e-cached';
  rmSync(path.join(ROOT, dataDir), { recursive: true, force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start-cached.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(E2E_PORTS.cachedFront),
      LIBRAIRIE_DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(E2E_PORTS.cachedDatabase),
      STRIPE_EMULATOR_PORT: String(E2E_PORTS.cachedEmulator),
      NEXT_TELEMETRY_DISABLED: '1',
      // As in playwright.config.ts: each test's X-Forwarded-For is its reader's address.
      TRUSTED_PROXY_COUNT: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run start:cached stopped:\n${output}`);
    const healthy = await fetch(`${CACHED.url}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new Error(`npm run start:cached did not answer within 180 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** Runs the ONIX import (scripts/import-onix.ts) on the cached shop's database, purging its cache. */
export async function importOnix(file: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'scripts/import-onix.ts'), file],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: CACHED.databaseUrl, FRONT_CACHE_PURGE_URLS: CACHED.varnishUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`import:onix ended with ${code}:\n${output}`);
}
