// After a restore: the e-mails the journal says left after the restored minute are marked sent,
// so the worker does not send them a second time (lib/data/customer-mail/sent-email-journal.ts).
// Matched by kind, order or request reference (or `alerte-<id>`) and version; only the entries from `since` on.
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { z } from 'zod';

const EntrySchema = z.object({
  kind: z.string(),
  reference: z.string().min(1),
  version: z.number().int(),
  sentAt: z.iso.datetime(),
});

export async function markJournalSent(url: string, journalFile: string, since: Date): Promise<number> {
  if (!existsSync(journalFile)) return 0;
  const entries = readFileSync(journalFile, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const parsed = EntrySchema.safeParse(JSON.parse(line));
        return parsed.success && new Date(parsed.data.sentAt) >= since ? [parsed.data] : [];
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
        `UPDATE "EmailMessage" e
            SET "status" = 'sent', "sentAt" = $4, "transport" = coalesce(e."transport", 'journal'),
                "lastError" = NULL, "updatedAt" = now()
          WHERE e."kind"::text = $1 AND e."version" = $3 AND e."status" <> 'sent'
            AND (e."orderId" = (SELECT "id" FROM "Order" WHERE "reference" = $2)
              OR e."bookRequestId" = (SELECT "id" FROM "BookRequest" WHERE "reference" = $2)
              OR ($2 ~ '^alerte-[0-9]{1,9}$' AND e."availabilityAlertId" = substring($2 from 8)::int))`,
        [entry.kind, entry.reference, entry.version, entry.sentAt],
      );
      marked += result.rowCount ?? 0;
    }
  } finally {
    await client.end();
  }
  return marked;
}
