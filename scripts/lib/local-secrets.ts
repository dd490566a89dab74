// Secrets for the demo (no Stripe key set): generated once, kept in the data folder (0600),
// so a second `npm start` keeps the readers' carts. With real Stripe keys, every secret must
// come from the environment: no default is invented for a real shop.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LocalSecretsSchema = z.object({ cookieSecret: z.string().min(32), webhookSecret: z.string().min(16) });
export type LocalSecrets = z.infer<typeof LocalSecretsSchema>;

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'local-secrets.json');
  if (existsSync(file)) return LocalSecretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const secrets: LocalSecrets = {
    cookieSecret: randomBytes(32).toString('base64url'),
    webhookSecret: `whsec_${randomBytes(24).toString('base64url')}`,
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
