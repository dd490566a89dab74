// After a restore: the erasures of personal data noted since the restored minute are applied again
// (RGPD art. 17: an erased person does not come back with a backup), by the same database function
// as the app's (erase_personal_data, migration 20261207150000; lib/data/privacy/erasure-journal.ts).
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { z } from 'zod';

const EntrySchema = z.object({ emailSha256: z.string().regex(/^[0-9a-f]{64}$/), erasedAt: z.iso.datetime() });

export async function reapplyErasures(url: string, journalFile: string, since: Date): Promise<number> {
  if (!existsSync(journalFile)) return 0;
  const entries = readFileSync(journalFile, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = EntrySchema.safeParse(JSON.parse(line));
        return parsed.success && new Date(parsed.data.erasedAt) >= since ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const entry of entries)
      await client.query('SELECT * FROM "erase_personal_data"($1, $2::timestamp(3))', [
        entry.emailSha256,
        entry.erasedAt,
      ]);
  } finally {
    await client.end();
  }
  return entries.length;
}
