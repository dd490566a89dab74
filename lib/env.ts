import { z } from 'zod';

// Environment of the running shop, parsed once and typed. Read lazily so that `next build`
// (which renders nothing from the database) does not need a database.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL manque : chaîne de connexion PostgreSQL (npm start la fournit).' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgresql://'),
  SITE_URL: z
    .url({ error: 'SITE_URL doit être une URL absolue (https://librairie.example).' })
    .transform((url) => url.replace(/\/+$/, '')),
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
