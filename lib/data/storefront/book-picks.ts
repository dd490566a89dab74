import 'server-only';
import { getDb } from '@/lib/db';
import { BOOK_CARD_SELECT, toBookCard, type BookCard } from './book-selects';

// The booksellers' picks as readers see them: the home page's "Coups de cœur" row and
// /coups-de-coeur, newest first. Delisted books (withdrawn by their distributors) leave with
// their page.

export type PickCard = { book: BookCard; note: string; booksellerName: string };

export const PICKS_PAGE_SIZE = 24;

const listed = { book: { delistedAt: null } } as const;

async function readPicks(skip: number, take: number): Promise<PickCard[]> {
  const rows = await getDb().bookPick.findMany({
    where: listed,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    skip,
    take,
    select: { note: true, booksellerName: true, book: { select: BOOK_CARD_SELECT } },
  });
  return rows.map((row) => ({ book: toBookCard(row.book), note: row.note, booksellerName: row.booksellerName }));
}

/** The newest picks, for the home page. */
export async function listLatestPicks(limit: number): Promise<PickCard[]> {
  return readPicks(0, limit);
}

/** A page of /coups-de-coeur; `page` past the last one gives an empty page (the route answers 404). */
export async function listPicksPage(page: number): Promise<{ picks: PickCard[]; total: number; pageCount: number }> {
  const [total, picks] = await Promise.all([
    getDb().bookPick.count({ where: listed }),
    readPicks((page - 1) * PICKS_PAGE_SIZE, PICKS_PAGE_SIZE),
  ]);
  return { picks, total, pageCount: Math.max(1, Math.ceil(total / PICKS_PAGE_SIZE)) };
}
