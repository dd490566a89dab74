import { z } from 'zod';

// Environment of the running shop, parsed once and typed. Read lazily so that `next build`
// (which renders nothing from the database) does not need a database.
const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string({ error: 'DATABASE_URL manque : chaîne de connexion PostgreSQL (npm start la fournit).' })
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgresql://'),
    SITE_URL: z
      .url({ error: 'SITE_URL doit être une URL absolue (https://librairie.example).' })
      .transform((url) => url.replace(/\/+$/, '')),
    COOKIE_SECRET: z
      .string({ error: 'COOKIE_SECRET manque : au moins 32 caractères aléatoires (npm start en génère un).' })
      .min(32, 'COOKIE_SECRET doit compter au moins 32 caractères.'),
    /** Real Stripe when set (sk_live_… or sk_test_…); else the local emulator at STRIPE_EMULATOR_URL. */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, 'STRIPE_SECRET_KEY doit commencer par sk_test_ ou sk_live_.')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string({ error: 'STRIPE_WEBHOOK_SECRET manque : le secret de signature des webhooks (whsec_…).' })
      .min(16, 'STRIPE_WEBHOOK_SECRET est trop court.'),
    /** Connections per app instance (see docs/decisions/007-buying-path-under-load.md). */
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: 'DATABASE_POOL_SIZE doit être un nombre de connexions.' })
      .int()
      .min(1, 'DATABASE_POOL_SIZE doit valoir au moins 1.')
      .max(200, 'DATABASE_POOL_SIZE doit valoir au plus 200.')
      .default(10),
    /** Longest a statement may run on the reader's side (pages, cart, checkout), in milliseconds. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ error: 'DATABASE_STATEMENT_TIMEOUT_MS doit être une durée en millisecondes.' })
      .int()
      .min(100, 'DATABASE_STATEMENT_TIMEOUT_MS doit valoir au moins 100.')
      .default(5_000),
    /** Longest wait for a connection, in milliseconds. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce
      .number({ error: 'DATABASE_CONNECT_TIMEOUT_MS doit être une durée en millisecondes.' })
      .int()
      .min(100, 'DATABASE_CONNECT_TIMEOUT_MS doit valoir au moins 100.')
      .default(3_000),
    /**
     * Proxies in front of the app that append the client's address to X-Forwarded-For (nginx,
     * a load balancer). 0 when browsers reach Next directly.
     */
    TRUSTED_PROXY_COUNT: z.coerce
      .number({ error: 'TRUSTED_PROXY_COUNT doit être un nombre de proxys.' })
      .int()
      .min(0)
      .max(5)
      .default(0),
    STRIPE_EMULATOR_URL: z.url({ error: 'STRIPE_EMULATOR_URL doit être une URL (http://127.0.0.1:12111).' }).optional(),
  })
  .refine((env) => env.STRIPE_SECRET_KEY || env.STRIPE_EMULATOR_URL, {
    path: ['STRIPE_SECRET_KEY'],
    message: 'Indiquez STRIPE_SECRET_KEY (Stripe) ou STRIPE_EMULATOR_URL (émulateur local ; npm start le démarre).',
  });

export type Env = z.infer<typeof EnvSchema>;

let parsed: Env | undefined;

export function getEnv(): Env {
  if (parsed) return parsed;
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Configuration invalide :\n${problems.join('\n')}`);
  }
  parsed = result.data;
  return parsed;
}
