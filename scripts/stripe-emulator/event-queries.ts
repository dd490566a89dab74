// Reading events back: https://docs.stripe.com/api/events/list and /retrieve. The shop's
// reconciliation lists the payment events whose webhooks were not delivered
// (`delivery_success=false`: pending, held back or failed) and applies them itself.
import type { EmulatorContext } from './context';
import { invalidRequest, parameterInvalid, resourceMissing } from './errors';
import type { FormNode } from './form-body';
import { param, parseParams } from './params';
import type { EventRecord } from './webhooks';

const ListEventsParams = param.object({
  type: param.string({ maxLength: 5000 }),
  types: param.array(param.string({ maxLength: 5000 }), { maxItems: 20 }),
  delivery_success: param.boolean(),
  limit: param.integer({ min: 1 }),
  starting_after: param.string({ maxLength: 5000 }),
  ending_before: param.string({ maxLength: 5000 }),
  expand: param.array(param.string({ maxLength: 5000 })),
});

const CreatedRange = param.object({
  gt: param.integer(),
  gte: param.integer(),
  lt: param.integer(),
  lte: param.integer(),
});

/** `created` is an exact time (an integer) or a range (`created[gte]=…`), as Stripe's range_query_specs. */
function createdFilter(value: FormNode[string] | undefined): (created: number) => boolean {
  if (value === undefined) return () => true;
  if (typeof value === 'string') {
    if (!/^\d+$/.test(value))
      throw parameterInvalid('created', `Invalid integer: ${value}`, 'parameter_invalid_integer');
    return (created) => created === Number(value);
  }
  const range = parseParams(CreatedRange, value);
  return (created) =>
    (range.gt === undefined || created > range.gt) &&
    (range.gte === undefined || created >= range.gte) &&
    (range.lt === undefined || created < range.lt) &&
    (range.lte === undefined || created <= range.lte);
}

/** `checkout.session.*` matches every Checkout Session event, as Stripe's wildcard does. */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

/** Newest first, `limit` (1–100, default 10) at a time, paged with `starting_after`/`ending_before`. */
export function listEvents(ctx: EmulatorContext, query: FormNode): Record<string, unknown> {
  const { created, ...rest } = query;
  const params = parseParams(ListEventsParams, rest);
  const inRange = createdFilter(created);
  if (params.type !== undefined && params.types !== undefined)
    throw invalidRequest('You may pass either `type` or `types`, but not both.', { param: 'types' });
  if (params.expand && params.expand.length > 0)
    throw invalidRequest(`This property cannot be expanded (${params.expand[0]}).`, { param: 'expand[0]' });
  const limit = params.limit ?? 10;
  if (limit > 100) throw invalidRequest('Invalid limit: must be at most 100', { param: 'limit' });
  const patterns = params.types ?? (params.type !== undefined ? [params.type] : null);
  let records = [...ctx.webhooks.list()]
    .reverse()
    .filter((record) => !patterns || patterns.some((pattern) => typeMatches(pattern, record.event.type)))
    .filter((record) => inRange(record.event.created))
    .filter((record) => params.delivery_success === undefined || delivered(record) === params.delivery_success);
  const cursor = params.starting_after ?? params.ending_before;
  if (cursor !== undefined) {
    const index = records.findIndex((record) => record.event.id === cursor);
    if (index === -1)
      throw resourceMissing('event', cursor, params.starting_after ? 'starting_after' : 'ending_before');
    records = params.starting_after ? records.slice(index + 1) : records.slice(0, index).slice(-limit);
  }
  const page = records.slice(0, limit);
  return {
    object: 'list',
    data: page.map((record) => record.event),
    has_more: records.length > page.length,
    url: '/v1/events',
  };
}

/** Stripe: "whether all webhooks were successfully delivered"; pending, held back and failed ones were not. */
function delivered(record: EventRecord): boolean {
  return record.state === 'delivered';
}

export function retrieveEvent(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const record = ctx.webhooks.get(id);
  if (!record) throw resourceMissing('event', id, 'id');
  return record.event;
}
