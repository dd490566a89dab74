import { z } from 'zod';
import { logger } from './observability/logger';
import { ObservabilitySettingsShape } from './observability/settings';
import { listProblems } from './validation/zod-errors';

// Environment of the running shop, parsed once and typed. Checked when the server boots
// (instrumentation.ts), so a bad setting stops it at start; read lazily elsewhere so that
// `next build` (which renders nothing from the database) needs no settings.

const MIN_SECRET_LENGTH = 32;

/** "secret" or "newest,older,…": the first signs cookies, all verify (lib/session/signed-value.ts). */
const CookieSecretsSchema = z
  .string({ error: 'COOKIE_SECRET manque : au moins 32 caractères aléatoires (npm start en génère un).' })
  .transform((value, ctx): [string, ...string[]] => {
    const [first = '', ...others] = value.split(',').map((secret) => secret.trim());
    const secrets: [string, ...string[]] = [first, ...others];
    secrets.forEach((secret, index) => {
      if (secret.length >= MIN_SECRET_LENGTH) return;
      ctx.issues.push({
        code: 'custom',
        input: value,
        message:
          secrets.length === 1
            ? 'COOKIE_SECRET doit compter au moins 32 caractères.'
            : `COOKIE_SECRET : le secret n° ${index + 1} de la liste compte moins de 32 caractères (chaque secret, séparé des autres par une virgule, doit en compter au moins 32).`,
      });
    });
    return secrets;
  });

const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string({ error: 'DATABASE_URL manque : chaîne de connexion PostgreSQL (npm start la fournit).' })
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgresql://'),
    SITE_URL: z
      .url({ error: 'SITE_URL doit être une URL absolue (https://librairie.example).' })
      .transform((url) => url.replace(/\/+$/, '')),
    COOKIE_SECRET: CookieSecretsSchema,
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
    /**
     * Longest wait for a connection, in milliseconds: queueing for a pooled one under a rush included,
     * so it stays above what a burst needs and under the 10 s a reader should wait at most.
     */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce
      .number({ error: 'DATABASE_CONNECT_TIMEOUT_MS doit être une durée en millisecondes.' })
      .int()
      .min(100, 'DATABASE_CONNECT_TIMEOUT_MS doit valoir au moins 100.')
      .default(8_000),
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
    /**
     * The front caches in front of the app (Varnish, `npm run start:cached`), comma-separated:
     * each gets the purges of the pages a change made stale (lib/data/platform/front-cache.ts). Empty: no
     * front cache, pages are not marked cacheable.
     */
    FRONT_CACHE_PURGE_URLS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url !== ''),
      )
      .pipe(z.array(z.url({ error: 'FRONT_CACHE_PURGE_URLS : une liste d’URL séparées par des virgules.' }))),
    STRIPE_EMULATOR_URL: z.url({ error: 'STRIPE_EMULATOR_URL doit être une URL (http://127.0.0.1:12111).' }).optional(),
    /** The shop's data folder (npm start keeps its database there); covers go in its covers/ by default. */
    LIBRAIRIE_DATA_DIR: z.string().min(1).default('.data'),
    /**
     * Where uploaded covers are stored (lib/media/cover-store.ts), served at /couvertures/. Shared by
     * every app instance: a mounted volume in production. Default: $LIBRAIRIE_DATA_DIR/covers.
     */
    COVERS_DIR: z.string().min(1, 'COVERS_DIR est vide : indiquez un dossier, ou retirez la variable.').optional(),
    /**
     * Where the file adapter of the approved e-invoicing platform writes the business invoices and
     * the e-reporting of sales to consumers (lib/data/invoicing/e-invoice-platform.ts), until a
     * platform is connected. Default: $LIBRAIRIE_DATA_DIR/e-invoices.
     */
    E_INVOICE_OUTBOX_DIR: z
      .string()
      .min(1, 'E_INVOICE_OUTBOX_DIR est vide : indiquez un dossier, ou retirez la variable.')
      .optional(),
    /**
     * The SMTP server the e-mails go through (smtp://user:password@host:587, smtps://… for TLS).
     * Unset: no e-mail leaves the machine; the outbox in the database is the delivery (/admin/emails).
     */
    /**
     * Where the worker notes each e-mail it sent, one JSON line each, outside the database: a restore
     * to an earlier minute marks them sent again (scripts/lib/backup/). `npm start` sets it beside
     * the backups; unset, nothing is noted.
     */
    SENT_EMAIL_JOURNAL: z.string().min(1).optional(),
    /**
     * The folder a distributor drops its ONIX files in: the worker imports each, once, every minute
     * (lib/data/catalog/onix-inbox.ts). `npm start` sets it to $LIBRAIRIE_DATA_DIR/onix-inbox.
     */
    ONIX_INBOX_DIR: z.string().min(1).optional(),
    /** The same for the erasures of personal data (RGPD art. 17), applied again after a restore. */
    ERASURE_JOURNAL: z.string().min(1).optional(),
    SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\/[^\s]+$/,
        'SMTP_URL doit commencer par smtp:// ou smtps:// (smtp://utilisateur:mot-de-passe@hôte:587).',
      )
      .optional(),
    /** Sender of the e-mails: "Librairie des Facultés <commandes@librairie.example>". Default: no-reply@ the SITE_URL's host. */
    MAIL_FROM: z.string().min(3).max(200).optional(),
    /**
     * The bearer token a Prometheus scraper sends to /api/metrics and to the worker's metrics
     * (lib/observability/metrics-token.ts). Unset: only a signed-in admin reads the app's, and
     * nobody the worker's.
     */
    METRICS_TOKEN: z
      .string()
      .min(MIN_SECRET_LENGTH, 'METRICS_TOKEN doit compter au moins 32 caractères.')
      .regex(/^[\x21-\x7e]+$/, 'METRICS_TOKEN : des caractères ASCII visibles, sans espace.')
      .optional(),
    /** The port the worker serves its metrics on (scripts/lib/worker-metrics.ts). Unset: none served. */
    WORKER_METRICS_PORT: z.coerce
      .number({ error: 'WORKER_METRICS_PORT doit être un numéro de port.' })
      .int()
      .min(1, 'WORKER_METRICS_PORT doit être un numéro de port.')
      .max(65535, 'WORKER_METRICS_PORT doit être un numéro de port.')
      .optional(),
    /** The address it listens on: only this machine unless told otherwise (a scraper elsewhere). */
    WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    ...ObservabilitySettingsShape,
  })
  .refine((env) => env.STRIPE_SECRET_KEY || env.STRIPE_EMULATOR_URL, {
    path: ['STRIPE_SECRET_KEY'],
    message: 'Indiquez STRIPE_SECRET_KEY (Stripe) ou STRIPE_EMULATOR_URL (émulateur local ; npm start le démarre).',
  });

export type Env = z.infer<typeof EnvSchema>;

/** The settings of `source`, or an error listing every bad one with the variable's name. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(`Configuration invalide :\n${listProblems(result.error)}`);
  }
  return result.data;
}

let parsed: Env | undefined;

export function getEnv(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/**
 * At boot (instrumentation.ts): prints what is wrong and stops the process. Next.js would log an
 * error thrown from `register` and go on serving, failing every request.
 */
export function exitOnInvalidEnv(): void {
  try {
    getEnv();
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
