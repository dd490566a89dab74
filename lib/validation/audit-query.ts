import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { firstValues, type SearchParams } from './search-params';

// Query string of /admin/journal; anything malformed falls back to "everything, page 1".
const JournalQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type JournalQuery = z.infer<typeof JournalQuerySchema>;

export function parseJournalQuery(params: SearchParams): JournalQuery {
  return JournalQuerySchema.parse(firstValues(params));
}

export function journalHref(query: JournalQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.action) params.set('action', query.action);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/journal?${search}` : '/admin/journal';
}
