// Test-only endpoints under /_emulator/: drive payments without a browser and inspect
// webhook deliveries. They do not exist on Stripe; see README.md in this folder.
import { z } from 'zod';
import type { EmulatorContext } from './context';
import { invalidRequest, resourceMissing } from './errors';
import { Router } from './router';
import { completeAsync, completeWithCard, expireNow, requireSession, serializeSession } from './sessions';
import type { EventRecord } from './webhooks';

export type ControlInput = { params: Record<string, string>; body: Record<string, unknown>; query: URLSearchParams };
export type ControlReply = { status: number; json: unknown };
export type ControlHandler = (ctx: EmulatorContext, input: ControlInput) => ControlReply;

const AsyncOutcomeSchema = z.object({ outcome: z.enum(['succeeded', 'failed']) });
const CompleteSchema = z.object({ name: z.string().min(1).optional() });
const HoldSchema = z.object({ held: z.boolean() });

function describeEvent(record: EventRecord) {
  return {
    id: record.event.id,
    type: record.event.type,
    created: record.event.created,
    state: record.state,
    deliveries: record.deliveries,
    event: record.event,
  };
}

function paramId(input: ControlInput): string {
  return input.params.id ?? '';
}

export const controlRouter = new Router<ControlHandler>()
  .add('GET', '/_emulator/health', () => ({ status: 200, json: { status: 'ok' } }))
  .add('POST', '/_emulator/sessions/:id/complete', (ctx, input) => {
    const body = CompleteSchema.safeParse(input.body);
    if (!body.success) throw invalidRequest(`Invalid body: ${body.error.message}`, { param: 'name' });
    const session = requireSession(ctx, paramId(input));
    completeWithCard(ctx, session, body.data.name ?? null);
    return { status: 200, json: serializeSession(ctx, session) };
  })
  .add('POST', '/_emulator/sessions/:id/async', (ctx, input) => {
    const body = AsyncOutcomeSchema.safeParse(input.body);
    if (!body.success)
      throw invalidRequest('Body must be { "outcome": "succeeded" | "failed" }.', { param: 'outcome' });
    const session = requireSession(ctx, paramId(input));
    completeAsync(ctx, session, body.data.outcome);
    return { status: 200, json: serializeSession(ctx, session) };
  })
  .add('POST', '/_emulator/sessions/:id/expire-now', (ctx, input) => {
    const session = requireSession(ctx, paramId(input));
    expireNow(ctx, session);
    return { status: 200, json: serializeSession(ctx, session) };
  })
  .add('GET', '/_emulator/events', (ctx, input) => {
    const type = input.query.get('type');
    const records = ctx.webhooks.list().filter((record) => !type || record.event.type === type);
    return { status: 200, json: { object: 'list', data: records.map(describeEvent) } };
  })
  .add('POST', '/_emulator/events/:id/resend', (ctx, input) => {
    const record = ctx.webhooks.get(paramId(input));
    if (!record) throw resourceMissing('event', paramId(input), 'id');
    ctx.webhooks.resend(record);
    return { status: 202, json: describeEvent(record) };
  })
  .add('POST', '/_emulator/webhooks/hold', (ctx, input) => {
    const body = HoldSchema.safeParse(input.body);
    if (!body.success) throw invalidRequest('Body must be { "held": true | false }.', { param: 'held' });
    const released = ctx.webhooks.hold(body.data.held);
    return { status: 200, json: { held: ctx.webhooks.holding, released } };
  })
  .add('POST', '/_emulator/reset', (ctx) => {
    ctx.store.clear();
    ctx.webhooks.clear();
    ctx.webhooks.hold(false);
    return { status: 200, json: { status: 'reset' } };
  });
