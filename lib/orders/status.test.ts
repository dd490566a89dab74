import { describe, expect, it } from 'vitest';
import { canMoveTo } from './status';

describe('canMoveTo', () => {
  it.each([
    ['pending_payment', 'paid', true],
    ['pending_payment', 'expired', true],
    ['expired', 'paid', true],
    ['payment_failed', 'paid', true],
    ['paid', 'refunded', true],
    ['paid', 'expired', false],
    ['paid', 'pending_payment', false],
    ['refunded', 'paid', false],
    ['expired', 'payment_failed', false],
    ['pending_payment', 'replaced', true],
    ['replaced', 'paid', true],
    ['replaced', 'expired', false],
    ['paid', 'replaced', false],
    ['paid', 'paid', false],
    // A full refund closes an order wherever it is on its way; nothing reopens a closed one.
    ['shipped', 'refunded', true],
    ['preparing', 'refunded', true],
    ['shipped', 'paid', false],
    ['collected', 'expired', false],
    ['cancelled', 'refunded', false],
    ['refunded', 'cancelled', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });
});
