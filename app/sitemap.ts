import type { MetadataRoute } from 'next';
import { listSitemapEntries } from '@/lib/data/sitemap';
import { getEnv } from '@/lib/env';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const dynamic = 'force-dynamic';

// One file while the catalog is small; the million-title issue splits it with generateSitemaps
// (50 000 URLs per file at most: https://www.sitemaps.org/protocol.html).
async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = getEnv().SITE_URL;
  const { books, themes, contributors, publishers, collections } = await listSitemapEntries();
  return [
    { url: `${site}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${site}/livres`, changeFrequency: 'daily', priority: 0.8 },
    ...books.map((b) => ({ url: `${site}/livre/${b.ean}`, lastModified: b.updatedAt, priority: 0.7 })),
    ...themes.map((t) => ({ url: `${site}/theme/${t.path}` })),
    ...contributors.map((c) => ({ url: `${site}/auteur/${c.slug}` })),
    ...publishers.map((p) => ({ url: `${site}/editeur/${p.slug}` })),
    ...collections.map((c) => ({ url: `${site}/collection/${c.slug}` })),
  ];
}

export default whenDatabaseAnswers(sitemap);
