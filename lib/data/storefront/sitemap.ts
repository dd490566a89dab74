import 'server-only';
import { getDb } from '@/lib/db';
import { idRangeOf, type MaxIds, type SitemapPart } from '@/lib/seo/sitemap';

/** The highest id of each table a ranged sitemap lists: the index's files (lib/seo/sitemap.ts). */
export async function readSitemapMaxIds(): Promise<MaxIds> {
  const db = getDb();
  const [livres, auteurs, editeurs, collections] = await Promise.all([
    db.book.aggregate({ _max: { id: true } }),
    db.contributor.aggregate({ _max: { id: true } }),
    db.publisher.aggregate({ _max: { id: true } }),
    db.collection.aggregate({ _max: { id: true } }),
  ]);
  return {
    livres: livres._max.id ?? 0,
    auteurs: auteurs._max.id ?? 0,
    editeurs: editeurs._max.id ?? 0,
    collections: collections._max.id ?? 0,
  };
}

export type SitemapPath = { path: string; lastModified?: Date };

/** The shop's paths one sitemap file lists; delisted books are left out (decision 010). */
export async function listSitemapPaths(part: SitemapPart): Promise<SitemapPath[]> {
  const db = getDb();
  if (part.kind === 'pages') {
    const themes = await db.theme.findMany({ select: { path: true }, orderBy: { path: 'asc' } });
    return [
      { path: '/' },
      { path: '/livres' },
      { path: '/coups-de-coeur' },
      ...themes.map((theme) => ({ path: `/theme/${theme.path}` })),
    ];
  }
  const { from, to } = idRangeOf(part.index);
  const inRange = { id: { gte: from, lte: to } };
  switch (part.kind) {
    case 'livres': {
      const books = await db.book.findMany({
        where: { ...inRange, delistedAt: null },
        select: { ean: true, updatedAt: true },
        orderBy: { id: 'asc' },
      });
      return books.map((book) => ({ path: `/livre/${book.ean}`, lastModified: book.updatedAt }));
    }
    case 'auteurs':
      return slugPaths('/auteur/', await db.contributor.findMany(slugQuery(inRange)));
    case 'editeurs':
      return slugPaths('/editeur/', await db.publisher.findMany(slugQuery(inRange)));
    case 'collections':
      return slugPaths('/collection/', await db.collection.findMany(slugQuery(inRange)));
  }
}

function slugQuery(where: { id: { gte: number; lte: number } }) {
  return { where, select: { slug: true }, orderBy: { id: 'asc' as const } };
}

function slugPaths(prefix: string, rows: { slug: string }[]): SitemapPath[] {
  return rows.map((row) => ({ path: `${prefix}${row.slug}` }));
}
