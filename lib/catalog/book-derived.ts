import { normalizeText } from '@/lib/search/normalize';

// Columns stored on Book that are derived from its other data. Every writer of books (the
// demo seed, the ONIX import, the stock ledger) computes them here; the stored availability
// state comes from describeBookAvailability (book-availability.ts).

export function bookSearchText(parts: {
  title: string;
  subtitle?: string | null;
  contributorNames: string[];
  publisherName: string;
  collectionName?: string | null;
}): string {
  return normalizeText(
    [parts.title, parts.subtitle, ...parts.contributorNames, parts.publisherName, parts.collectionName]
      .filter(Boolean)
      .join(' '),
  );
}

export function bookSortTitle(title: string): string {
  return normalizeText(title);
}
