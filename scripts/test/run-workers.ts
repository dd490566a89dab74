import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The worker's outcome among its stdout's lines: the shop's logs are JSON lines on stdout too (a
 * busy database's warning, lib/observability/logger.ts), before or after it.
 */
function outcomeIn<Outcome>(stdout: string): { results: Outcome[]; elapsedMs: number } {
  for (const line of stdout.split('\n').reverse()) {
    if (!line.startsWith('{"results":')) continue;
    return JSON.parse(line) as { results: Outcome[]; elapsedMs: number };
  }
  throw new Error(`The worker printed no outcome:\n${stdout.slice(-2000)}`);
}

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
              else resolve(outcomeIn<Outcome>(stdout));
            },
          );
        }),
    ),
  );
}
