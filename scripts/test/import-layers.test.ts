import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports go one way (eslint.config.mjs names the layers): no two folders of lib/, and no two
// rooms of lib/data/, import each other, directly or through a third. Tests are left out: a test
// may reach into any layer to set up its case.

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : [];
  });
}

/** The unit a file belongs to: `lib/<folder>`, or `lib/data/<room>`; a file at lib's top is its own unit. */
function unitOf(file: string): string {
  const parts = file.replace(/\.tsx?$/, '').split('/');
  if (parts[1] === 'data' && parts.length > 3) return parts.slice(0, 3).join('/');
  return parts.slice(0, 2).join('/');
}

function importedFiles(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].flatMap(([, specifier]) => {
    if (specifier!.startsWith('@/')) return [specifier!.slice(2)];
    if (specifier!.startsWith('.'))
      return [path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier!))];
    return [];
  });
}

function unitGraph(files: { file: string; imports: string[] }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, imports } of files) {
    const from = unitOf(file);
    for (const target of imports) {
      if (!target.startsWith('lib/') || target.startsWith('lib/generated/')) continue;
      const to = unitOf(target);
      if (to === from) continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every cycle's units, as `a → b → a`, found by depth-first search. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const done = new Set<string>();
  const visit = (unit: string, trail: string[]) => {
    if (trail.includes(unit)) {
      found.add([...trail.slice(trail.indexOf(unit)), unit].join(' → '));
      return;
    }
    if (done.has(unit)) return;
    for (const next of graph.get(unit) ?? []) visit(next, [...trail, unit]);
    done.add(unit);
  };
  for (const unit of [...graph.keys()].sort()) visit(unit, []);
  return [...found];
}

describe('imports one way', () => {
  it('finds a cycle when two units import each other', () => {
    const graph = unitGraph([
      { file: 'lib/orders/a.ts', imports: ['lib/validation/b'] },
      { file: 'lib/validation/b.ts', imports: ['lib/orders/c'] },
      { file: 'lib/data/buying/x.ts', imports: ['lib/data/platform/y', 'lib/db'] },
    ]);
    expect(cycles(graph)).toEqual(['lib/orders → lib/validation → lib/orders']);
  });

  it('no two folders of lib/ nor rooms of lib/data/ import each other', () => {
    const files = sourceFiles('lib').map((file) => ({ file, imports: importedFiles(file) }));
    expect(files.length).toBeGreaterThan(100);
    expect(cycles(unitGraph(files))).toEqual([]);
  });
});
