import { z } from 'zod';
import { firstValues, MAX_PAGE, type SearchParams } from './catalog-query';

// ?q= is free text: control characters are dropped, length is capped; nothing is refused.
const SearchQuerySchema = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((q) =>
      q
        .replace(/\p{Cc}/gu, ' ')
        .trim()
        .slice(0, 200),
    ),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

export function parseSearchQuery(params: SearchParams): { q: string; page: number } {
  return SearchQuerySchema.parse(firstValues(params));
}

export function searchHref(q: string, page: number): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return `/recherche?${params.toString()}`;
}
