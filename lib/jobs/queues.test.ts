import { describe, expect, it } from 'vitest';
import { QUEUE_OPTIONS, retryBudgetSeconds } from './queues';

describe('retryBudgetSeconds', () => {
  it('adds the longest backoff before each retry, capped, and every try’s expiry', () => {
    // 10 retries after 20, 40, … s at most, capped at an hour; 11 tries of up to 2 minutes.
    const waits = [20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600];
    const expected = waits.reduce((sum, wait) => sum + wait, 0) + 11 * 120;
    expect(retryBudgetSeconds(QUEUE_OPTIONS['email-delivery'])).toBe(expected);
    // "about four hours in all", as the e-mail queue promises.
    expect(expected / 3600).toBeCloseTo(3.8, 1);
  });

  it('is one expiry for a queue that never retries', () => {
    expect(retryBudgetSeconds({ retryLimit: 0, expireInSeconds: 300 })).toBe(300);
  });

  it('waits the same delay before each retry without backoff', () => {
    expect(retryBudgetSeconds({ retryLimit: 3, retryDelay: 5, expireInSeconds: 10 })).toBe(15 + 40);
  });
});
