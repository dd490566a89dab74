import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs `script` (a file of scripts/test/ that reads one JSON command from argv and prints its
 * outcome as JSON) once per command, each in its own process (one app instance each), all at
 * once, on one database.
 */
export async function runWorkers<Command, Outcome>(
  script: string,
  databaseUrl: string,
  commands: Command[],
): Promise<{ results: Outcome[]; elapsedMs: number }[]> {
  return Promise.all(
    commands.map(
      (command) =>
        new Promise<{ results: Outcome[]; elapsedMs: number }>((resolve, reject) => {
          execFile(
            process.execPath,
            [
              '--conditions=react-server',
              '--import',
              'tsx',
              path.join(ROOT, 'scripts/test', script),
              JSON.stringify(command),
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
