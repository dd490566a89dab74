import { describe, expect, it } from 'vitest';
import { bearerTokenMatches } from './metrics-token';

const TOKEN = 'jeton-de-surveillance-0123456789-abcdef';

describe('the metrics token', () => {
  it('lets in the exact bearer token', () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it('refuses another token, a prefix of it, a longer one, or the right one in another scheme', () => {
    for (const header of [
      'Bearer another-token-of-the-same-sort-0123456',
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${TOKEN}`,
      TOKEN,
      'Bearer ',
      `Bearer ${TOKEN} extra`,
    ]) {
      expect(bearerTokenMatches(header, TOKEN), header).toBe(false);
    }
  });

  it('refuses everyone when no token is configured, an empty header included', () => {
    expect(bearerTokenMatches('Bearer ', undefined)).toBe(false);
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, undefined)).toBe(false);
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, '')).toBe(false);
    expect(bearerTokenMatches(null, TOKEN)).toBe(false);
    expect(bearerTokenMatches(undefined, TOKEN)).toBe(false);
  });
});
