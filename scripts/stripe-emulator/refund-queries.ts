// Reading refunds back: https://docs.stripe.com/api/refunds/list and /retrieve. The shop lists a
// payment's refunds when `charge.refunded` arrives (the event's Charge does not carry them).
import type { EmulatorContext } from './context';
import { invalidRequest, resourceMissing } from './errors';
import type { FormNode } from './form-body';
import { param, parseParams } from './params';
import { serializeRefund } from './refunds';

export const ListRefundsParams = param.object({
  payment_intent: param.string({ maxLength: 5000 }),
  charge: param.string({ maxLength: 5000 }),
  limit: param.integer({ min: 1 }),
  starting_after: param.string({ maxLength: 5000 }),
  ending_before: param.string({ maxLength: 5000 }),
  expand: param.array(param.string({ maxLength: 5000 })),
});

/** Newest first, `limit` (1–100, default 10) at a time, paged with `starting_after`/`ending_before`. */
export function listRefunds(ctx: EmulatorContext, query: FormNode): Record<string, unknown> {
  const params = parseParams(ListRefundsParams, query);
  if (params.expand && params.expand.length > 0)
    throw invalidRequest(`This property cannot be expanded (${params.expand[0]}).`, { param: 'expand[0]' });
  const limit = params.limit ?? 10;
  if (limit > 100) throw invalidRequest('Invalid limit: must be at most 100', { param: 'limit' });
  let refunds = [...ctx.store.refunds.values()]
    .reverse()
    .filter((refund) => params.payment_intent === undefined || refund.paymentIntentId === params.payment_intent)
    .filter((refund) => params.charge === undefined || refund.chargeId === params.charge);
  const cursor = params.starting_after ?? params.ending_before;
  if (cursor !== undefined) {
    const index = refunds.findIndex((refund) => refund.id === cursor);
    if (index === -1)
      throw resourceMissing('refund', cursor, params.starting_after ? 'starting_after' : 'ending_before');
    refunds = params.starting_after ? refunds.slice(index + 1) : refunds.slice(0, index).slice(-limit);
  }
  const page = refunds.slice(0, limit);
  return {
    object: 'list',
    data: page.map(serializeRefund),
    has_more: refunds.length > page.length,
    url: '/v1/refunds',
  };
}

export function retrieveRefund(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const refund = ctx.store.refunds.get(id);
  if (!refund) throw resourceMissing('refund', id, 'id');
  return serializeRefund(refund);
}
