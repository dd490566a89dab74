import { describe, expect, it } from 'vitest';
import { normalizeText, queryWords } from './normalize';

describe('normalizeText', () => {
  it('drops accents, case and punctuation', () => {
    expect(normalizeText("La coopération dans l'action publique")).toBe('la cooperation dans l action publique');
    expect(normalizeText('Dhume-Sonzogni')).toBe('dhume sonzogni');
    expect(normalizeText('Œuvres complètes')).toBe('oeuvres completes');
  });
});

describe('queryWords', () => {
  it('keeps distinct words only', () => {
    expect(queryWords('Droit  droit DROIT public')).toEqual(['droit', 'public']);
  });
  it('bounds long queries', () => {
    const words = queryWords('a'.repeat(1000));
    expect(words).toHaveLength(1);
    expect(words[0]).toHaveLength(40);
    expect(queryWords(Array.from({ length: 50 }, (_, i) => `mot${i}`).join(' '))).toHaveLength(8);
  });
  it('never keeps a half word from a cut query', () => {
    expect(queryWords('droit '.repeat(500))).toEqual(['droit']);
  });
  it('returns nothing for empty or control-character queries', () => {
    expect(queryWords('')).toEqual([]);
    expect(queryWords('\u0000 \t')).toEqual([]);
  });
});
