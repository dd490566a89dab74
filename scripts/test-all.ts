// `npm test`: every check, in the order a failure is cheapest to read.
// Type-check, lint, unit tests, integration tests on a real PostgreSQL (embedded, or the
// server of TEST_DATABASE_URL), then end-to-end tests in Chromium against the built shop.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildIfStale, generatePrismaClientIfStale, ROOT, run } from './lib/project';
import { aptInstallLine, missingSystemPackages } from './lib/system-packages';

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

type Step = { name: string; action: () => Promise<void> };

/** Before anything else: a fresh machine learns at once which Debian packages it lacks. */
async function checkSystemPackages(): Promise<void> {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const lines = missing.map((p) => `  - ${p.name} (${p.file}) : ${p.for}`);
  throw new Error(
    `il manque des paquets Debian :\n${lines.join('\n')}\nInstallez-les (en root) :\n  ${aptInstallLine(missing)}`,
  );
}

const steps: Step[] = [
  { name: 'Paquets Debian', action: checkSystemPackages },
  { name: 'Client Prisma', action: generatePrismaClientIfStale },
  { name: 'Types des routes', action: () => run(bin('next'), ['typegen'], { NEXT_TELEMETRY_DISABLED: '1' }) },
  { name: 'TypeScript', action: () => run(bin('tsc'), ['--noEmit']) },
  { name: 'Mise en forme (Prettier)', action: () => run(bin('prettier'), ['--check', '.']) },
  { name: 'ESLint', action: () => run(bin('eslint'), ['.', '--max-warnings=0']) },
  { name: 'Tests unitaires', action: () => run(bin('vitest'), ['run', '--project', 'unit']) },
  { name: 'Tests d’intégration (PostgreSQL)', action: () => run(bin('vitest'), ['run', '--project', 'integration']) },
  { name: 'Construction', action: buildIfStale },
  {
    name: 'Tests de bout en bout (Chromium)',
    action: async () => {
      // A fresh database each run: the demo catalog, nothing left from an earlier run.
      rmSync(path.join(ROOT, '.data/e2e'), { recursive: true, force: true });
      await run(bin('playwright'), ['test']);
    },
  },
];

async function main() {
  const started = Date.now();
  for (const step of steps) {
    const stepStarted = Date.now();
    console.log(`\n▶ ${step.name}`);
    try {
      await step.action();
    } catch (error) {
      console.error(`✗ ${step.name} : ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    console.log(`✓ ${step.name} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`);
  }
  console.log(`\nTous les contrôles sont passés en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

void main();
