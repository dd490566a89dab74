import { z } from 'zod';
import { AVAILABILITY_URL_VALUES, type AvailabilityUrlValue } from '@/lib/catalog/availability-filter';
import { firstValues, type SearchParams } from './search-params';
import { MAX_PAGE } from './catalog-query';
import { SlugSchema } from './slug';

const availabilityValues = Object.keys(AVAILABILITY_URL_VALUES) as [AvailabilityUrlValue, ...AvailabilityUrlValue[]];

// ?q= is free text: control characters are dropped, length is capped; nothing is refused.
// The facets' links add a root theme, a publisher or an availability; a malformed one is dropped.
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
  theme: SlugSchema.optional().catch(undefined),
  editeur: SlugSchema.optional().catch(undefined),
  disponibilite: z.enum(availabilityValues).optional().catch(undefined),
});

export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export function parseSearchQuery(params: SearchParams): SearchQuery {
  const { theme, editeur, disponibilite, ...rest } = SearchQuerySchema.parse(firstValues(params));
  return {
    ...rest,
    ...(theme && { theme }),
    ...(editeur && { editeur }),
    ...(disponibilite && { disponibilite }),
  };
}

export function searchHref(q: string, page: number, filters: Omit<SearchQuery, 'q' | 'page'> = {}): string {
  const params = new URLSearchParams({ q });
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.editeur) params.set('editeur', filters.editeur);
  if (filters.disponibilite) params.set('disponibilite', filters.disponibilite);
  if (page > 1) params.set('page', String(page));
  return `/recherche?${params.toString()}`;
}
