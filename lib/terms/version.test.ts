import { describe, expect, it } from 'vitest';
import { TERMS_VERSION, termsVersionLabel } from './version';

describe('the terms’ version', () => {
  it('is a day, read as a French date', () => {
    expect(TERMS_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(termsVersionLabel('2026-12-07')).toBe('version du 7 décembre 2026');
  });
});
