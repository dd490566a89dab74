// The Debian packages the tests need (scripts/system-packages.json, also read by .ci/run), and
// which of them this machine lacks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type SystemPackage = { name: string; file: string; for: string };

const LIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../system-packages.json');

export const SYSTEM_PACKAGES: SystemPackage[] = (
  JSON.parse(readFileSync(LIST, 'utf8')) as { packages: SystemPackage[] }
).packages;

export function systemPackage(name: string): SystemPackage {
  const found = SYSTEM_PACKAGES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} is not in scripts/system-packages.json`);
  return found;
}

/** The packages whose file is absent (Chromium may live elsewhere: CHROMIUM_PATH). */
export function missingSystemPackages(
  names: string[] = SYSTEM_PACKAGES.map((p) => p.name),
  exists: (file: string) => boolean = existsSync,
): SystemPackage[] {
  return names
    .map(systemPackage)
    .filter((p) => !exists(p.name === 'chromium' ? (process.env.CHROMIUM_PATH ?? p.file) : p.file));
}

/** The one line that installs them on Debian. */
export function aptInstallLine(packages: SystemPackage[]): string {
  return `apt-get update && apt-get install -y ${packages.map((p) => p.name).join(' ')}`;
}
