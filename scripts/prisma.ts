// Runs the project's Prisma CLI with the WebAssembly schema engine bridge standing in for the
// native engine it cannot download here (docs/decisions/002-migrations-with-wasm-schema-engine.md).
//
//   DATABASE_URL=postgresql://… tsx scripts/prisma.ts migrate deploy
//
// or, from another script:  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: url })
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRISMA_CLI = path.join(ROOT, 'node_modules/prisma/build/index.js');
const SCHEMA_ENGINE_BRIDGE = path.join(ROOT, 'scripts/prisma-schema-engine/engine.mjs');

export class PrismaCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(`prisma ${args.join(' ')} failed (${signal ? `signal ${signal}` : `exit code ${exitCode}`})`);
    this.name = 'PrismaCommandError';
  }
}

function prismaEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...overrides };
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: the Prisma CLI needs the PostgreSQL connection string ' +
        '(e.g. DATABASE_URL=postgresql://user:password@127.0.0.1:5432/librairie).',
    );
  }
  return {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE_BRIDGE,
    // No update checks nor telemetry: this machine has no internet.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
}

function spawnPrisma(args: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
    cwd: ROOT,
    env: prismaEnv(env),
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve(0) : reject(new PrismaCommandError(args, code, signal)),
    );
  });
}

/**
 * Runs `prisma <args>` (output inherited) and resolves when it exits with 0.
 * `env` is added to the current environment; DATABASE_URL must be in one of them.
 * Rejects with a PrismaCommandError carrying the exit code otherwise.
 */
export async function runPrisma(args: string[], env: Record<string, string> = {}): Promise<void> {
  await spawnPrisma(args, env);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  runPrisma(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof PrismaCommandError) process.exit(error.exitCode ?? 1);
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
