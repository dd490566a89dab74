// After a restore: the e-mails the journal says left after the restored minute are marked sent,
// so the worker does not send them a second time (lib/data/customer-mail/sent-email-journal.ts).
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { z } from 'zod';

const EntrySchema = z.object({
  kind: z.string(),
  orderId: z.number().int().nullable(),
  bookRequestId: z.number().int().nullable(),
  version: z.number().int(),
  sentAt: z.string(),
});

export async function markJournalSent(url: string, journalFile: string): Promise<number> {
  if (!existsSync(journalFile)) return 0;
  const entries = readFileSync(journalFile, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const parsed = EntrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        // A line cut by a crash mid-write: the e-mail it named is the only one that may go twice.
        return [];
      }
    });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let marked = 0;
  try {
    for (const entry of entries) {
      const result = await client.query(
        `UPDATE "EmailMessage"
            SET "status" = 'sent', "sentAt" = $5, "transport" = coalesce("transport", 'journal'),
                "lastError" = NULL, "updatedAt" = now()
          WHERE "kind"::text = $1 AND "orderId" IS NOT DISTINCT FROM $2 AND "bookRequestId" IS NOT DISTINCT FROM $3
            AND "version" = $4 AND "status" <> 'sent'`,
        [entry.kind, entry.orderId, entry.bookRequestId, entry.version, entry.sentAt],
      );
      marked += result.rowCount ?? 0;
    }
  } finally {
    await client.end();
  }
  return marked;
}
