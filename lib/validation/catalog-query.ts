import { z } from 'zod';
import { firstValues, type SearchParams } from './search-params';
import { SlugSchema } from './slug';
import { AVAILABILITY_URL_VALUES, type AvailabilityUrlValue } from '@/lib/catalog/availability-filter';
import { LAST_NUMBERED_PAGE } from '@/lib/shop/config';
import { encodeListingKey, parseListingKey, type ListingKey } from './listing-key';

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

// Numbered pages stop at LAST_NUMBERED_PAGE, where the count stops: a larger number (an old or
// hand-edited link) shows that last numbered page, whose "Page suivante" goes on by key
// (`?apres=`, lib/validation/listing-key.ts). OFFSET reads and throws away every row before the
// page (https://www.postgresql.org/docs/current/queries-limit.html), so only the numbered pages
// may use it.
const CatalogQuerySchema = z.object({
  theme: themePath.optional().catch(undefined),
  collection: slug.optional().catch(undefined),
  editeur: slug.optional().catch(undefined),
  disponibilite: z.enum(availabilityValues).optional().catch(undefined),
  tri: z.enum(CATALOG_SORTS).catch('nouveautes'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .catch(1)
    .transform((page) => Math.min(page, LAST_NUMBERED_PAGE)),
  apres: z.string().optional().catch(undefined),
});

export type CatalogQuery = Omit<z.infer<typeof CatalogQuerySchema>, 'apres'> & {
  /** Set on a page reached by "Page suivante" past the numbered pages: the page starts after it. */
  after?: ListingKey;
};

/** Where a link leads in a listing: a numbered page, or the page after a book's key. */
export type PageTarget = { page: number } | { after: ListingKey };

export function parseCatalogQuery(params: SearchParams): CatalogQuery {
  const { apres, ...query } = CatalogQuerySchema.parse(firstValues(params));
  const after = parseListingKey(apres, query.tri);
  return after ? { ...query, page: 1, after } : query;
}

/**
 * A numbered page names its listing's first page as canonical; a page reached by key is a way
 * through the listing for readers and crawlers, not a page to index (`noindex, follow`), and
 * names no canonical, which would contradict its noindex
 * (https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls).
 */
export function listingIndexing(
  query: CatalogQuery,
  canonical: string,
): { alternates: { canonical: string } } | { robots: { index: false; follow: true } } {
  return query.after ? { robots: { index: false, follow: true } } : { alternates: { canonical } };
}

function setPosition(params: URLSearchParams, position: { page: number; after?: ListingKey }) {
  if (position.after) params.set('apres', encodeListingKey(position.after));
  else if (position.page > 1) params.set('page', String(position.page));
}

/**
 * The URL of the catalog with some parameters changed; defaults are left out. The key of a page
 * reached by key is kept only when given in `changes`: it means nothing under another sort or filter.
 */
export function catalogHref(query: CatalogQuery, changes: Partial<CatalogQuery>): string {
  const next = { ...query, after: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.theme) params.set('theme', next.theme);
  if (next.collection) params.set('collection', next.collection);
  if (next.editeur) params.set('editeur', next.editeur);
  if (next.disponibilite) params.set('disponibilite', next.disponibilite);
  if (next.tri !== 'nouveautes') params.set('tri', next.tri);
  setPosition(params, next);
  const search = params.toString();
  return search ? `/livres?${search}` : '/livres';
}

/** Paged list pages (/theme/…, /auteur/…): only the sort and the page come from the URL. */
export function listPageHref(basePath: string, query: Pick<CatalogQuery, 'tri'>, target: PageTarget): string {
  const params = new URLSearchParams();
  if (query.tri !== 'nouveautes') params.set('tri', query.tri);
  setPosition(params, 'after' in target ? { page: 1, after: target.after } : target);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
