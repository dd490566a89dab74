import { z } from 'zod';

// The parts of a Stripe event the shop reads, checked before use: a signed event can still be
// malformed (an API version change, a hand-made test event). A malformed one is acknowledged
// and logged, not retried for days (https://docs.stripe.com/webhooks#retries): retrying would
// not fix it. Types not listed here are acknowledged and ignored.
const SessionSchema = z.object({
  id: z.string().min(1),
  client_reference_id: z.string().nullish(),
  payment_status: z.string().nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});

const ChargeSchema = z.object({
  id: z.string().min(1),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});

const SCHEMAS: Record<string, z.ZodType> = {
  'checkout.session.completed': SessionSchema,
  'checkout.session.async_payment_succeeded': SessionSchema,
  'checkout.session.async_payment_failed': SessionSchema,
  'checkout.session.expired': SessionSchema,
  'charge.refunded': ChargeSchema,
};

/** Null when the event is usable (or of a type the shop ignores), else what is wrong with it. */
export function eventShapeProblem(event: { type?: unknown; data?: unknown }): string | null {
  const schema = typeof event.type === 'string' ? SCHEMAS[event.type] : undefined;
  if (!schema) return null;
  const object = (event.data as { object?: unknown } | null | undefined)?.object;
  const parsed = schema.safeParse(object);
  return parsed.success ? null : z.prettifyError(parsed.error);
}
