import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSearchText, bookSortTitle } from '@/lib/catalog/book-derived';
import { sitemapPartName, sitemapParts, URLS_PER_SITEMAP, type SitemapPart } from '@/lib/seo/sitemap';
import { SEED_BOOK_EAN } from '@/prisma/demo-catalog/seed-book';
import { testEan } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';

// Real PostgreSQL with the migrations and the demo catalog (scripts/test/database-setup.ts).
const db = openTestDatabase();
let data: typeof import('./sitemap');

// A book far along the ids, as in a large catalog, and a delisted one (decision 010).
const FAR_ID = 2 * URLS_PER_SITEMAP + 7;
const far = { id: FAR_ID, ean: testEan() };
let delistedEan = '';

async function createBook(ean: string, extra: { id?: number; delistedAt?: Date }) {
  const publisher = await db.publisher.findFirstOrThrow({ select: { id: true, name: true } });
  const theme = await db.theme.findFirstOrThrow({ select: { id: true } });
  const title = `Plan du site ${ean}`;
  await db.book.create({
    data: {
      ...extra,
      ean,
      title,
      workType: 'Documents',
      publisherPriceCents: 1500,
      publisherId: publisher.id,
      themeId: theme.id,
      searchText: bookSearchText({ title, contributorNames: [], publisherName: publisher.name }),
      sortTitle: bookSortTitle(title),
      availability: 'unavailable',
    },
  });
}

beforeAll(async () => {
  data = await import('./sitemap');
  await createBook(far.ean, { id: far.id });
  delistedEan = testEan();
  await createBook(delistedEan, { delistedAt: new Date() });
});

afterAll(async () => {
  await db.book.deleteMany({ where: { ean: { in: [far.ean, delistedEan] } } });
});

async function urlsOf(part: SitemapPart): Promise<string[]> {
  return (await data.listSitemapPaths(part)).map((entry) => entry.path);
}

describe('the sitemap files on a real catalog', () => {
  it('cuts the books by id ranges: a far id lands in its own file, the files between stay listed', async () => {
    const names = sitemapParts(await data.readSitemapMaxIds()).map(sitemapPartName);
    expect(names).toEqual(expect.arrayContaining(['pages.xml', 'livres-0.xml', 'livres-1.xml', 'livres-2.xml']));
    expect(await urlsOf({ kind: 'livres', index: 2 })).toContain(`/livre/${far.ean}`);
    expect(await urlsOf({ kind: 'livres', index: 0 })).not.toContain(`/livre/${far.ean}`);
    expect(await urlsOf({ kind: 'livres', index: 1 })).toEqual([]);
  });

  it('lists every listed book once, with its last change, and no delisted one', async () => {
    const first = await data.listSitemapPaths({ kind: 'livres', index: 0 });
    // Other test files add books at the same time: at least the demo catalog's 76.
    expect(first.length).toBeGreaterThanOrEqual(76);
    expect(new Set(first.map((entry) => entry.path)).size).toBe(first.length);
    expect(first.find((entry) => entry.path === `/livre/${SEED_BOOK_EAN}`)?.lastModified).toBeInstanceOf(Date);
    expect(first.map((entry) => entry.path)).not.toContain(`/livre/${delistedEan}`);
  });

  it('lists the home page, the catalog and every theme in pages.xml, and the people and houses by slug', async () => {
    const pages = await urlsOf({ kind: 'pages' });
    expect(pages.slice(0, 2)).toEqual(['/', '/livres']);
    expect(pages).toContain('/theme/droit');
    expect(pages).toContain('/theme/droit/droit-administratif');
    expect(await urlsOf({ kind: 'auteurs', index: 0 })).toContain('/auteur/fabrice-dhume-sonzogni');
    expect(await urlsOf({ kind: 'editeurs', index: 0 })).toContain('/editeur/l-harmattan');
  });
});
