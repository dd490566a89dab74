// Steps shared by `npm start` and `npm test`: generate the Prisma client and build the app
// when their sources changed, and prepare a database.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, readStamp } from './fingerprint';
import { runPrisma } from '../prisma';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'prisma/schema.prisma',
  'next.config.js',
  'instrumentation.ts',
  'proxy.ts',
  'package-lock.json',
  'tsconfig.json',
];

export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} a échoué (${signal ?? code})`)),
    );
  });
}

export async function generatePrismaClientIfStale(): Promise<void> {
  const stampFile = path.join(ROOT, 'lib/generated/prisma/.schema-sha256');
  const current = fingerprint(ROOT, ['prisma/schema.prisma', 'package-lock.json']);
  if (readStamp(stampFile) === current) return;
  // Generating reads no database; the CLI's config still wants a URL to parse.
  await runPrisma(['generate'], { DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' });
  writeFileSync(stampFile, current);
}

export async function buildIfStale(): Promise<void> {
  await generatePrismaClientIfStale();
  const stampFile = path.join(ROOT, '.next/librairie-sources-sha256');
  const current = fingerprint(ROOT, BUILD_INPUTS, ['lib/generated']);
  if (readStamp(stampFile) === current) return;
  console.log('Construction de l’application (next build)…');
  await run(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    NEXT_TELEMETRY_DISABLED: '1',
  });
  writeFileSync(stampFile, current);
}
