// Sign-in timing: does asking a sign-in link for an address that has an account take as long as
// for one that has none (so timing does not tell who is a customer)? The request must do the same
// work whatever the address (lib/data/readers/sign-in.ts): this measures it through HTTP.
//
//   npm run bench:sign-in-timing                        # 200 requests per case
//   BENCH_ATTEMPTS=500 npm run bench:sign-in-timing
//
// Builds the shop if its sources changed, starts a scratch PostgreSQL (.data/bench), applies the
// migrations, creates one reader account per "known" address, starts the built shop behind one
// trusted proxy (TRUSTED_PROXY_COUNT=1, so each request's X-Forwarded-For is a client of its own
// and the per-client limit never answers instead of the real work), then POSTs the sign-in form
// (the Server Action, as the browser posts it) for known and unknown addresses in turn, each
// address once (the per-address limit neither). No worker runs: the e-mails stay owed. Prints
// medians and their ratio; asserts nothing.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIfStale, ROOT } from '../scripts/lib/project';
import { freePort } from '../scripts/test/database';
import { startBuiltShop } from './lib/built-shop';
import { percentile } from './lib/percentile';
import { migrateAndSeedDemo, startScratchDatabase } from './lib/prepare-database';

const ATTEMPTS = Math.min(Math.max(Number(process.env.BENCH_ATTEMPTS ?? 200) || 200, 10), 2000);
const ANSWER = 'Nous venons d’envoyer à cette adresse un lien et un code de connexion';

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

function actionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as Manifest;
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === 'components/account/actions.ts' && entry.exportedName === 'requestSignInAction',
  );
  if (!found) throw new Error('requestSignInAction is not in the build: run `npm run build`.');
  return found[0];
}

/** One sign-in request as the browser's router posts it (Next-Action header, React's reply encoding). */
async function askSignIn(baseUrl: string, id: string, email: string, client: string): Promise<number> {
  const form = new FormData();
  form.append('_1_email', email);
  form.append('0', '[null,"$K1"]');
  const started = performance.now();
  const response = await fetch(`${baseUrl}/compte/connexion`, {
    method: 'POST',
    headers: { 'Next-Action': id, Origin: baseUrl, Accept: 'text/x-component', 'X-Forwarded-For': client },
    body: form,
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !text.includes(ANSWER))
    throw new Error(`Unexpected answer for ${email}: ${response.status} ${text.slice(0, 300)}`);
  return elapsed;
}

async function main() {
  await buildIfStale();
  const id = actionId();
  const database = await startScratchDatabase('sign-in-timing', await freePort());
  try {
    await migrateAndSeedDemo(database.url);
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const known = Array.from({ length: ATTEMPTS + 1 }, (_, i) => `lecteur.connu.${i}@exemple.fr`);
    const unknown = Array.from({ length: ATTEMPTS + 1 }, (_, i) => `personne.${i}@exemple.fr`);
    await pool.query(`INSERT INTO "Reader" ("email", "updatedAt") SELECT unnest($1::text[]), now()`, [known]);
    await pool.end();

    process.env.TRUSTED_PROXY_COUNT = '1';
    const port = await freePort();
    const stop = await startBuiltShop(database.url, port);
    const baseUrl = `http://localhost:${port}`;
    try {
      // Warm-up: the page's module, the pool, the rate limiter's statements.
      await askSignIn(baseUrl, id, known[ATTEMPTS]!, '198.51.100.250');
      await askSignIn(baseUrl, id, unknown[ATTEMPTS]!, '198.51.100.251');
      const timings = { known: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < ATTEMPTS; i += 1) {
        // Interleaved, so a slow moment of the machine hits both cases alike.
        const client = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
        timings.known.push(await askSignIn(baseUrl, id, known[i]!, client(2 * i)));
        timings.unknown.push(await askSignIn(baseUrl, id, unknown[i]!, client(2 * i + 1)));
      }
      const row = (name: string, values: number[]) =>
        `${name.padEnd(28)}  ${percentile(values, 50).toFixed(1).padStart(7)}  ${percentile(values, 90).toFixed(1).padStart(7)}  ${Math.max(
          ...values,
        )
          .toFixed(1)
          .padStart(7)}`;
      console.log(`\nSign-in request timing — ${ATTEMPTS} POSTs per case, interleaved (ms)\n`);
      console.log(`${'case'.padEnd(28)}  ${'p50'.padStart(7)}  ${'p90'.padStart(7)}  ${'max'.padStart(7)}`);
      console.log(row('address with an account', timings.known));
      console.log(row('address without an account', timings.unknown));
      const ratio = percentile(timings.unknown, 50) / percentile(timings.known, 50);
      console.log(`\nmedian without / with an account: ${ratio.toFixed(3)}`);
      console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}.`);
    } finally {
      await stop();
    }
  } finally {
    await database.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
