import { z } from 'zod';
import { firstValues, type SearchParams } from './search-params';
import { SlugSchema } from './slug';
import { AVAILABILITY_URL_VALUES, type AvailabilityUrlValue } from '@/lib/catalog/availability-filter';

// Query string of /livres. Anything malformed falls back to the default instead of failing:
// a shared or hand-edited URL still shows the catalog.
export const CATALOG_SORTS = ['nouveautes', 'titre', 'prix-croissant', 'prix-decroissant'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

const slug = SlugSchema;
const themePath = z
  .string()
  .regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/)
  .max(400);
const availabilityValues = Object.keys(AVAILABILITY_URL_VALUES) as [AvailabilityUrlValue, ...AvailabilityUrlValue[]];

export const MAX_PAGE = 10_000;

const CatalogQuerySchema = z.object({
  theme: themePath.optional().catch(undefined),
  collection: slug.optional().catch(undefined),
  editeur: slug.optional().catch(undefined),
  disponibilite: z.enum(availabilityValues).optional().catch(undefined),
  tri: z.enum(CATALOG_SORTS).catch('nouveautes'),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

export type CatalogQuery = z.infer<typeof CatalogQuerySchema>;

export function parseCatalogQuery(params: SearchParams): CatalogQuery {
  return CatalogQuerySchema.parse(firstValues(params));
}

/** The URL of the catalog with some parameters changed; defaults are left out. */
export function catalogHref(query: CatalogQuery, changes: Partial<CatalogQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.theme) params.set('theme', next.theme);
  if (next.collection) params.set('collection', next.collection);
  if (next.editeur) params.set('editeur', next.editeur);
  if (next.disponibilite) params.set('disponibilite', next.disponibilite);
  if (next.tri !== 'nouveautes') params.set('tri', next.tri);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `/livres?${search}` : '/livres';
}

/** Paged list pages (/theme/…, /auteur/…): only the sort and the page come from the URL. */
export function listPageHref(basePath: string, query: Pick<CatalogQuery, 'tri'>, page: number): string {
  const params = new URLSearchParams();
  if (query.tri !== 'nouveautes') params.set('tri', query.tri);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
