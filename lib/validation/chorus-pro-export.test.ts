import { describe, expect, it } from 'vitest';
import { ChorusProExportQuerySchema } from './chorus-pro-export';

describe('the period of a Chorus Pro export', () => {
  it('is two Paris calendar days, both included', () =>
    expect(ChorusProExportQuerySchema.parse({ du: '2026-12-01', au: '2026-12-31' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    }));

  it.each([
    [{ du: 'abc', au: '2026-12-31' }, 'Date au format jj/mm/aaaa.'],
    [{ du: '', au: '' }, 'Indiquez le premier jour.'],
    [{}, 'Indiquez le premier jour.'],
    [{ du: '0000-01-01', au: '2026-12-31' }, 'Cette date n’existe pas.'],
    [{ du: '2026-02-30', au: '2026-12-31' }, 'Cette date n’existe pas.'],
    [{ du: '2026-12-31', au: '2026-12-01' }, 'Le dernier jour précède le premier.'],
    [{ du: '2025-01-01', au: '2026-12-31' }, 'Une période d’un an au plus (366 jours).'],
  ])('refuses %o in French, without throwing', (query, message) => {
    const parsed = ChorusProExportQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
