import { z } from 'zod';

// The settings of the logs, the metrics and the shutdown. lib/env.ts checks them with the rest at
// boot (a bad one stops the server, naming it); the logger and scripts/serve.ts read them here,
// without the rest: they run where the shop's other settings may be absent (`next build`, a
// script), and a logger that threw at its first line would hide the message that names the bad one.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ObservabilitySettingsShape = {
  /** The lowest level written (pino's levels). Default: info, one line per request. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL doit valoir ${LOG_LEVELS.join(', ')}.` }).default('info'),
  /**
   * off: no request id, no duration histogram and no access log per request (the benchmark's
   * baseline, bench/observability.ts); the counters of the shop's events and /api/metrics stay.
   */
  OBSERVABILITY: z.enum(['on', 'off'], { error: 'OBSERVABILITY doit valoir on ou off.' }).default('on'),
  /**
   * Longest a stopping app or worker waits for its requests and jobs in flight, in seconds; then it
   * exits all the same. Under the 30 s a container runtime waits before killing (Kubernetes'
   * terminationGracePeriodSeconds default).
   */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'SHUTDOWN_TIMEOUT_SECONDS doit être un nombre de secondes.' })
    .int()
    .min(1, 'SHUTDOWN_TIMEOUT_SECONDS doit valoir au moins 1.')
    .max(600, 'SHUTDOWN_TIMEOUT_SECONDS doit valoir au plus 600.')
    .default(25),
};

const ObservabilitySettingsSchema = z.object(ObservabilitySettingsShape);

export type ObservabilitySettings = z.infer<typeof ObservabilitySettingsSchema>;

const DEFAULTS: ObservabilitySettings = ObservabilitySettingsSchema.parse({});

/**
 * The settings, or their defaults when one is bad: lib/env.ts refuses to start with it, and what
 * runs before that check (the logger's first line) must not fail for it.
 */
export function readObservabilitySettings(source: Record<string, string | undefined> = process.env) {
  const parsed = ObservabilitySettingsSchema.safeParse(source);
  return parsed.success ? parsed.data : DEFAULTS;
}
