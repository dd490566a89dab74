import { describe, expect, it } from 'vitest';
import {
  INVARIANT_CODES,
  INVARIANT_RULES,
  subjectHref,
  subjectLabel,
  summarizeViolations,
  VIOLATIONS_KEPT_PER_RULE,
  type Violation,
} from './invariants';

const bookViolation = (n: number): Violation => ({
  invariant: 'stock_ledger',
  subject: { kind: 'book', ean: `978000000${String(n).padStart(4, '0')}`, title: `Livre ${n}` },
  detail: `registre : ${n} ; en rayon : ${n + 1}`,
});

describe('summarizeViolations', () => {
  it('counts every violation but keeps a bounded number per rule', () => {
    const many = Array.from({ length: VIOLATIONS_KEPT_PER_RULE + 7 }, (_, n) => bookViolation(n));
    const purge: Violation = {
      invariant: 'front_cache_purge',
      subject: { kind: 'front_cache_tag', tag: 'livre-9782296013681' },
      detail: 'due depuis 3 min',
    };
    const summary = summarizeViolations([...many, purge]);
    expect(summary.violationCount).toBe(VIOLATIONS_KEPT_PER_RULE + 8);
    expect(summary.counts.stock_ledger).toBe(VIOLATIONS_KEPT_PER_RULE + 7);
    expect(summary.counts.front_cache_purge).toBe(1);
    expect(summary.counts.order_invoice).toBe(0);
    expect(summary.kept).toHaveLength(VIOLATIONS_KEPT_PER_RULE + 1);
    expect(summary.kept.at(-1)).toEqual(purge);
  });

  it('adds what a check counted without listing it', () => {
    const summary = summarizeViolations([bookViolation(1)], { front_cache_purge: 1200 });
    expect(summary.counts.front_cache_purge).toBe(1200);
    expect(summary.violationCount).toBe(1201);
    expect(summary.kept).toHaveLength(1);
  });

  it('has a zero count for every rule when nothing is wrong', () => {
    const summary = summarizeViolations([]);
    expect(Object.keys(summary.counts).sort()).toEqual([...INVARIANT_CODES].sort());
    expect(summary.violationCount).toBe(0);
  });
});

describe('subjects', () => {
  it('names each subject and links to the page where staff act on it', () => {
    expect(subjectLabel({ kind: 'order', reference: 'LF-7K3P9QXW' })).toBe('Commande LF-7K3P9QXW');
    expect(subjectHref({ kind: 'order', reference: 'LF-7K3P9QXW' })).toBe('/admin/commandes/LF-7K3P9QXW');
    expect(subjectHref(bookViolation(1).subject)).toBe('/admin/stock/9780000000001');
    expect(subjectHref({ kind: 'email', id: 3, about: 'demande DL-4', status: 'failed' })).toBe(
      '/admin/emails?etat=en-echec',
    );
    expect(subjectLabel({ kind: 'invoice_series', series: 'F', year: 2026 })).toBe('Série F de 2026');
  });

  it('explains every rule with its source', () => {
    for (const code of INVARIANT_CODES) {
      expect(INVARIANT_RULES[code].title.length).toBeGreaterThan(10);
      expect(INVARIANT_RULES[code].why).toMatch(/\(.+\)|art\./);
    }
  });
});
