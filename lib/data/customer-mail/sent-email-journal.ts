import 'server-only';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/observability/logger';

// The e-mails sent, noted outside the database as they leave: a database restored to an earlier
// minute has them still owed, and the restore marks them sent from this journal, so no customer
// gets the same e-mail twice (scripts/lib/backup/sent-emails.ts). Each e-mail by its kind, the
// reference of its order or request and its version: row ids come back after a restore (the
// sequences rewind), random references do not.

export type SentEmailEntry = {
  kind: string;
  /** "LF-…" or "DL-…". */
  reference: string;
  version: number;
  sentAt: string;
};

export function noteSentEmail(entry: SentEmailEntry): void {
  const file = getEnv().SENT_EMAIL_JOURNAL;
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  } catch (error) {
    // The e-mail is sent and recorded in the database; only a later restore would miss it.
    logger.warn({ err: error }, 'sent-email journal: not written');
  }
}
