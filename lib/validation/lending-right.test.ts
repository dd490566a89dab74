import { describe, expect, it } from 'vitest';
import { parseDeclarationYear } from './lending-right';

describe('the year of a lending-right declaration', () => {
  const now = new Date('2027-01-15T10:00:00Z');
  it('is the year asked for', () => expect(parseDeclarationYear({ annee: '2026' }, now)).toBe(2026));
  it('is last year when none or a wrong one is given', () => {
    expect(parseDeclarationYear({}, now)).toBe(2026);
    expect(parseDeclarationYear({ annee: '26; DROP' }, now)).toBe(2026);
    expect(parseDeclarationYear({ annee: '99999' }, now)).toBe(2026);
  });
  it('counts the year in Paris: New Year’s Eve at 23:30 UTC is already the next year', () =>
    expect(parseDeclarationYear({}, new Date('2026-12-31T23:30:00Z'))).toBe(2026));
});
