// Messages between bench/holds.ts and its order-placing workers (Node IPC, see child_process.fork).
// The cart ids travel by message, not argv: one argv string is capped at 128 KiB on Linux
// (MAX_ARG_STRLEN), about 3,400 uuids, which BENCH_BUYERS could exceed.
import { z } from 'zod';

export const ParentMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('prepare'),
    /** Placed before `ready`, uncounted: loads the code paths and opens pool connections. */
    warmUpCartIds: z.array(z.string()),
    cartIds: z.array(z.string()),
    /** How many orders are in flight at once in this process; 1 = one after another. */
    concurrency: z.number().int().min(1),
  }),
  z.object({ type: z.literal('go') }),
]);
export type ParentMessage = z.infer<typeof ParentMessageSchema>;

const OutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), cartId: z.string(), latencyMs: z.number() }),
  /** `code` is placeOrder's failure code, or THREW when it threw (an unexpected error). */
  z.object({ ok: z.literal(false), cartId: z.string(), latencyMs: z.number(), code: z.string(), message: z.string() }),
]);
export type OrderOutcome = z.infer<typeof OutcomeSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  /** Modules loaded and listening: a message sent before would be dropped (no listener yet). */
  z.object({ type: z.literal('listening') }),
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('done'),
    outcomes: z.array(OutcomeSchema),
    /** CPU time (user + system) this process spent on the measured orders. */
    cpuMs: z.number(),
  }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

export const THREW = 'THREW';
