import 'server-only';
import { getDb } from '@/lib/db';

export async function listSitemapEntries() {
  const db = getDb();
  const [books, themes, contributors, publishers, collections] = await Promise.all([
    db.book.findMany({ where: { delistedAt: null }, select: { ean: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    db.theme.findMany({ select: { path: true }, orderBy: { path: 'asc' } }),
    db.contributor.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } }),
    db.publisher.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } }),
    db.collection.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } }),
  ]);
  return { books, themes, contributors, publishers, collections };
}
