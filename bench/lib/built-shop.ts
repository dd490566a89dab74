// The built shop (`next build`), started for a benchmark on its own port against a given database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/project';

/** Starts `next start` and resolves once /api/health answers; the function returned stops it. */
export async function startBuiltShop(databaseUrl: string, port: number): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SITE_URL: `http://localhost:${port}`,
        COOKIE_SECRET: 'benchmark-cookie-secret-0123456789abcdef',
        STRIPE_WEBHOOK_SECRET: 'whsec_benchmark_secret',
        STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}
