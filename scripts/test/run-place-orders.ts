import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type PlaceOrderOutcome = { ok: true; reference: string } | { ok: false; code: string; message: string };

/** Places orders for these carts from N separate processes (N app instances), all at once. */
export async function placeOrdersFromProcesses(
  databaseUrl: string,
  cartIdsPerProcess: string[][],
): Promise<{ results: PlaceOrderOutcome[]; elapsedMs: number }[]> {
  return Promise.all(
    cartIdsPerProcess.map(
      (cartIds) =>
        new Promise<{ results: PlaceOrderOutcome[]; elapsedMs: number }>((resolve, reject) => {
          execFile(
            process.execPath,
            [
              '--conditions=react-server',
              '--import',
              'tsx',
              path.join(ROOT, 'scripts/test/place-orders-worker.ts'),
              JSON.stringify(cartIds),
            ],
            {
              cwd: ROOT,
              env: {
                ...process.env,
                DATABASE_URL: databaseUrl,
                SITE_URL: 'http://localhost:3000',
                COOKIE_SECRET: 'c'.repeat(32),
                STRIPE_WEBHOOK_SECRET: 'whsec_test_secret_for_workers',
                STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
              },
              maxBuffer: 64 * 1024 * 1024,
            },
            (error, stdout, stderr) => {
              if (error) reject(new Error(`worker failed: ${error.message}\n${stderr}`));
              else resolve(JSON.parse(stdout));
            },
          );
        }),
    ),
  );
}
