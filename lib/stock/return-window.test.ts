import { describe, expect, it } from 'vitest';
import { returnState } from './return-window';

const window = { opensAfterDays: 90, closesAfterDays: 365 };
// Received on 2 March 2026 at 23:30 in Paris (22:30 UTC): the Paris day counts.
const receivedAt = new Date('2026-03-02T22:30:00Z');

describe('returnState', () => {
  it('firm copies never go back', () => {
    expect(returnState({ terms: 'firm', receivedAt }, window, new Date('2026-08-01T10:00:00Z'))).toEqual({
      state: 'firm',
    });
  });

  it('office copies wait 90 days, counted in Paris days', () => {
    expect(returnState({ terms: 'on_approval', receivedAt }, window, new Date('2026-05-30T10:00:00Z'))).toMatchObject({
      state: 'too_early',
    });
    expect(returnState({ terms: 'on_approval', receivedAt }, window, new Date('2026-05-31T10:00:00Z'))).toMatchObject({
      state: 'returnable',
    });
  });

  it('and may go back until the 365th day included', () => {
    expect(returnState({ terms: 'on_approval', receivedAt }, window, new Date('2027-03-02T10:00:00Z'))).toMatchObject({
      state: 'returnable',
    });
    expect(returnState({ terms: 'on_approval', receivedAt }, window, new Date('2027-03-03T10:00:00Z'))).toMatchObject({
      state: 'too_late',
    });
  });
});
