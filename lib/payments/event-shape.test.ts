import { describe, expect, it } from 'vitest';
import { eventShapeProblem } from './event-shape';

describe('eventShapeProblem', () => {
  it('accepts the fields the shop reads', () => {
    const session = { id: 'cs_1', client_reference_id: 'LF-1', payment_status: 'paid', payment_intent: 'pi_1' };
    expect(eventShapeProblem({ type: 'checkout.session.completed', data: { object: session } })).toBeNull();
    const charge = { id: 'ch_1', amount: 100, amount_refunded: 100, payment_intent: { id: 'pi_1' } };
    expect(eventShapeProblem({ type: 'charge.refunded', data: { object: charge } })).toBeNull();
  });
  it('ignores event types the shop does not use', () => {
    expect(eventShapeProblem({ type: 'customer.created', data: {} })).toBeNull();
  });
  it.each([
    ['no data', { type: 'checkout.session.completed' }],
    ['no object', { type: 'checkout.session.expired', data: {} }],
    ['an object without id', { type: 'checkout.session.completed', data: { object: { payment_status: 'paid' } } }],
    [
      'a refund amount as text',
      { type: 'charge.refunded', data: { object: { id: 'ch_1', amount: '1', amount_refunded: 1 } } },
    ],
  ])('describes %s', (_case, event) => {
    expect(eventShapeProblem(event)).toEqual(expect.any(String));
  });
});
