import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseIsbn } from '@/lib/isbn';
import { queryWords } from '@/lib/search/normalize';
import { listBooks, type BookList } from './catalog';

export type SearchResult = BookList & { words: string[]; isbnMatch: boolean };

/**
 * Finds books by an EAN/ISBN (with or without hyphens) or by words of the title, subtitle,
 * contributors, publisher and collection, ignoring case and accents (`searchText`).
 * Each word must match; the trigram index on searchText serves the LIKE patterns.
 */
export async function searchBooks(query: string, page: number): Promise<SearchResult> {
  const isbn = parseIsbn(query.slice(0, 40));
  if (isbn) {
    const list = await listBooks({ ean: isbn.ean13 }, { sort: 'nouveautes', page: 1 });
    if (list.total > 0) return { ...list, words: [], isbnMatch: true };
  }
  const words = queryWords(query);
  if (words.length === 0) return { books: [], total: 0, page: 1, pageCount: 1, words, isbnMatch: false };
  const where: Prisma.BookWhereInput = { AND: words.map((word) => ({ searchText: { contains: word } })) };
  const list = await listBooks(where, { sort: 'nouveautes', page });
  return { ...list, words, isbnMatch: false };
}
