import { z } from 'zod';
import type { CatalogSort } from './catalog-query';

// Keyset ("seek") pagination past the numbered pages: the "Page suivante" link carries the sort
// key and id of the last book shown, and the next page reads the listing's index from there
// (WHERE (key, id) > (…) ORDER BY key, id LIMIT n) instead of counting rows to skip with OFFSET,
// so a page deep in a million titles costs what the first one costs
// (https://use-the-index-luke.com/no-offset, https://use-the-index-luke.com/sql/partial-results/fetch-next-page).
// The key travels in the URL (`?apres=`) as base64url JSON: opaque to readers, and anything the
// server did not write (forged, truncated, of another sort, out of a column's range) parses to
// null, which reads as the first page: a hand-edited URL never fails.

/** Where a keyset page starts: after this sort key (its type depends on the sort) and this id. */
export type ListingKey = { value: string | number | null; id: number };

/** PostgreSQL `integer` (https://www.postgresql.org/docs/current/datatype-numeric.html): a larger number would fail the query. */
const INT4_MAX = 2_147_483_647;

/** A long title stays a valid key; anything longer is not one the server wrote. */
const MAX_TITLE_LENGTH = 2_000;
export const MAX_LISTING_TOKEN_LENGTH = 4 * MAX_TITLE_LENGTH;

const price = z.number().int().min(0).max(INT4_MAX);

// Per sort, the column the key holds: Book.publishedOn (a date, null for undated books, listed
// last), Book.sortTitle, Book.publisherPriceCents. Years before 1000 are refused: PostgreSQL reads
// year 0 as out of range, and no book was published then.
const KEY_VALUE: Record<CatalogSort, z.ZodType<string | number | null>> = {
  nouveautes: z.iso
    .date()
    .regex(/^[1-9]/)
    .nullable(),
  // PostgreSQL text cannot hold NUL (https://www.postgresql.org/docs/current/datatype-character.html).
  titre: z
    .string()
    .max(MAX_TITLE_LENGTH)
    .regex(/^[^\u0000]*$/),
  'prix-croissant': price,
  'prix-decroissant': price,
};

const TOKEN = z
  .string()
  .max(MAX_LISTING_TOKEN_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/);

export function encodeListingKey(key: ListingKey): string {
  return Buffer.from(JSON.stringify([key.value, key.id]), 'utf8').toString('base64url');
}

/** The key of a `?apres=` token for this sort, or null when the token is not one the server wrote. */
export function parseListingKey(token: string | undefined, sort: CatalogSort): ListingKey | null {
  const text = TOKEN.safeParse(token);
  if (!text.success) return null;
  const json = parseJson(Buffer.from(text.data, 'base64url').toString('utf8'));
  const parsed = z.tuple([KEY_VALUE[sort], z.number().int().min(1).max(INT4_MAX)]).safeParse(json);
  return parsed.success ? { value: parsed.data[0], id: parsed.data[1] } : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Not JSON: a forged or truncated token, which reads as no key.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
