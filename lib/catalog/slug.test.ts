import { describe, expect, it } from 'vitest';
import { isSlug } from '@/lib/validation/slug';
import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ["L'Harmattan", 'l-harmattan'],
    ['Presses universitaires de France', 'presses-universitaires-de-france'],
    ['Fabrice Dhume-Sonzogni', 'fabrice-dhume-sonzogni'],
    ['Œuvres  complètes — tome 2', 'oeuvres-completes-tome-2'],
    ['!!!', 'sans-nom'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(isSlug(slugify(text))).toBe(true);
  });

  it('stays a valid slug when cut', () => {
    expect(isSlug(slugify('a '.repeat(80) + 'b'))).toBe(true);
  });
});
