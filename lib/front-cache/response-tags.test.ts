import { describe, expect, it } from 'vitest';
import {
  allowFrontCache,
  allowListingInFrontCache,
  DEFAULT_MAX_AGE_SECONDS,
  runWithResponseTags,
  secondsUntilNextHour,
  tagResponse,
} from './response-tags';

describe('response tags', () => {
  it('collects what the request declared, the shortest lifetime winning', async () => {
    const store = runWithResponseTags(() => {
      tagResponse('livre-9782296013681');
      allowFrontCache(1);
      allowListingInFrontCache();
    });
    expect(store).toEqual({ cacheable: true, maxAgeSeconds: 1, tags: new Set(['livre-9782296013681', 'listes']) });
  });

  it('follows the request through awaits, and keeps requests apart', async () => {
    const first = runWithResponseTags(() => {
      void (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        tagResponse('livre-1');
      })();
    });
    const second = runWithResponseTags(() => tagResponse('livre-2'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...first.tags]).toEqual(['livre-1']);
    expect([...second.tags]).toEqual(['livre-2']);
    expect(first.cacheable).toBe(false);
    expect(first.maxAgeSeconds).toBe(DEFAULT_MAX_AGE_SECONDS);
  });

  it('does nothing outside a request', () => {
    expect(() => {
      allowFrontCache();
      tagResponse('livre-1');
    }).not.toThrow();
  });
});

describe('secondsUntilNextHour', () => {
  it('counts to the next whole hour', () => {
    expect(secondsUntilNextHour(new Date('2026-12-01T13:59:30Z'))).toBe(30);
    expect(secondsUntilNextHour(new Date('2026-12-01T13:00:00Z'))).toBe(3600);
    expect(secondsUntilNextHour(new Date('2026-12-01T23:15:00.500Z'))).toBe(2700);
  });
});
