import 'server-only';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/observability/logger';

// The erasures, noted outside the database as they are made (RGPD art. 17): a backup taken before
// one still holds the person's data, so a restore applies every erasure noted since the backup
// again (scripts/lib/backup/erasures.ts). The person by the SHA-256 of their e-mail, never in clear.

export type ErasureEntry = { emailSha256: string; erasedAt: string };

export function noteErasure(entry: ErasureEntry): void {
  const file = getEnv().ERASURE_JOURNAL;
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  } catch (error) {
    logger.error({ err: error }, 'erasure journal: not written');
  }
}
