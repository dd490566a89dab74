// Login timing: does a wrong password for an existing account take as long as any password for
// an e-mail nobody has (so timing does not tell who works at the shop)? And what does a
// throttled attempt cost?
//
//   node --conditions=react-server --import tsx bench/login-timing.ts        # 60 attempts per case
//   BENCH_ATTEMPTS=200 node --conditions=react-server --import tsx bench/login-timing.ts
//
// Starts its own PostgreSQL (embedded, temporary folder), applies the migrations, creates one
// staff account, then calls the real logIn (lib/auth/login.ts) in turn for each case, each
// attempt from a new address and device so no counter blocks it (except in the throttled case).
// Prints figures; asserts nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres';
import { generatePrismaClientIfStale } from '../scripts/lib/project';
import { runPrisma } from '../scripts/prisma';
import { freePort } from '../scripts/test/database';

const ATTEMPTS = Math.min(Math.max(Number(process.env.BENCH_ATTEMPTS ?? 60) || 60, 10), 2000);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { p50: at(0.5), p90: at(0.9), max: sorted.at(-1)!, mean };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bench-login-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench' });
  try {
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
    await generatePrismaClientIfStale();
    Object.assign(process.env, {
      DATABASE_URL: server.url,
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: 'bench-cookie-secret-0123456789abcdef',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_login_timing',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    });
    const { createPrismaClient } = await import('../lib/database/prisma-client');
    const { insertStaffAccount } = await import('../scripts/lib/staff-account');
    const { logIn } = await import('../lib/auth/login');
    const { getDb } = await import('../lib/db');
    const db = createPrismaClient(server.url);
    const known = {
      email: 'claire@librairie.test',
      password: 'le bon mot de passe',
      name: 'Claire',
      role: 'libraire' as const,
    };
    await insertStaffAccount(db, known);
    await db.$disconnect();

    const fresh = () => ({
      ip: `bench-${randomUUID()}`,
      userAgent: 'bench',
      deviceId: randomUUID().replace(/-/g, '').slice(0, 22),
    });
    const cases: Record<string, () => Promise<unknown>> = {
      'wrong password, existing account': () =>
        logIn({ email: known.email, password: 'pas le bon', ...fresh() }, new Date()),
      'unknown e-mail': () =>
        logIn({ email: `personne.${randomUUID()}@librairie.test`, password: 'pas le bon', ...fresh() }, new Date()),
      'right password (session opened)': () =>
        logIn({ email: known.email, password: known.password, ...fresh() }, new Date()),
    };
    const throttledIp = `bench-throttled-${randomUUID()}`;
    for (let i = 0; i < 6; i += 1)
      await logIn({ email: known.email, password: 'x', ip: throttledIp, userAgent: null, deviceId: null }, new Date());
    cases['throttled (6th attempt onwards)'] = () =>
      logIn({ email: known.email, password: 'x', ip: throttledIp, userAgent: null, deviceId: null }, new Date());

    const timings: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (const run of Object.values(cases)) await run(); // warm-up: JIT, pool, argon2
    for (let i = 0; i < ATTEMPTS; i += 1) {
      // Interleaved, so a slow moment of the machine hits every case alike.
      for (const [name, run] of Object.entries(cases)) {
        const started = performance.now();
        await run();
        timings[name]!.push(performance.now() - started);
      }
    }
    await getDb().$disconnect();

    console.log(`\nLogin timing — ${ATTEMPTS} attempts per case, interleaved (ms)\n`);
    console.log(
      `${'case'.padEnd(36)}  ${'p50'.padStart(6)}  ${'p90'.padStart(6)}  ${'max'.padStart(6)}  ${'mean'.padStart(6)}`,
    );
    for (const [name, values] of Object.entries(timings)) {
      const s = stats(values);
      console.log(
        `${name.padEnd(36)}  ${s.p50.toFixed(1).padStart(6)}  ${s.p90.toFixed(1).padStart(6)}  ${s.max.toFixed(1).padStart(6)}  ${s.mean.toFixed(1).padStart(6)}`,
      );
    }
    const wrong = stats(timings['wrong password, existing account']!).p50;
    const unknown = stats(timings['unknown e-mail']!).p50;
    console.log(`\nunknown / existing (p50): ${(unknown / wrong).toFixed(2)}`);
    console.log(
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, embedded PostgreSQL 18.`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
