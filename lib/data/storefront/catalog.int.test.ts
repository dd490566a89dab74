import { beforeAll, describe, expect, it } from 'vitest';
import { bookSortTitle } from '@/lib/catalog/book-derived';
import { DEMO_CATALOG } from '@/prisma/demo-catalog/catalog';
import { SEED_BOOK_EAN } from '@/prisma/demo-catalog/seed-book';

// Real PostgreSQL with the migrations and the demo catalog (scripts/test/database-setup.ts).
let data: typeof import('./books') & typeof import('./catalog') & typeof import('./search');

beforeAll(async () => {
  data = { ...(await import('./books')), ...(await import('./catalog')), ...(await import('./search')) };
});

describe('getBookPage', () => {
  it('returns every field of the seed book', async () => {
    const book = await data.getBookPage(SEED_BOOK_EAN);
    expect(book).toMatchObject({
      ean: '9782296013681',
      isbn13: '978-2-296-01368-1',
      isbn10: '2296013686',
      title: "La coopération dans l'action publique",
      pageCount: 328,
      workType: 'Documents',
      support: 'Livre',
      language: 'Français',
      priceCents: 2900,
      publisher: { name: "L'Harmattan", slug: 'l-harmattan' },
      collection: { name: 'Administration et Aménagement du territoire' },
      themes: [
        { name: 'Droit', path: 'droit' },
        { name: 'Droit administratif', path: 'droit/droit-administratif' },
        { name: "Action de l'administration", path: 'droit/droit-administratif/action-de-l-administration' },
        { name: 'Ouvrages généraux', path: 'droit/droit-administratif/action-de-l-administration/ouvrages-generaux' },
      ],
      availability: { state: 'to_order', label: 'Expédié sous 6 à 10 jours', orderable: true, schemaOrg: 'BackOrder' },
    });
    expect(book?.publishedOn?.toISOString().slice(0, 10)).toBe('2006-09-15');
    expect(book?.descriptionParagraphs).toHaveLength(4);
    expect(book?.contributors).toEqual([
      expect.objectContaining({
        name: 'Fabrice Dhume-Sonzogni',
        role: 'A01',
        biography: expect.stringContaining('ISCRA'),
      }),
    ]);
  });

  it('returns null for an unknown EAN', async () => {
    expect(await data.getBookPage('9780000000002')).toBeNull();
  });
});

describe('searchBooks', () => {
  it.each([['cooperation action publique'], ['COOPÉRATION'], ['dhume'], ['harmattan cooperation']])(
    'finds the seed book by words: %s',
    async (query) => {
      const result = await data.searchBooks(query, 1);
      expect(result.books.map((b) => b.ean)).toContain(SEED_BOOK_EAN);
    },
  );

  it.each([['9782296013681'], ['978-2-296-01368-1'], ['2-296-01368-6'], ['2296013686'], [' 978 2 296 01368 1 ']])(
    'finds exactly the seed book by ISBN: %s',
    async (query) => {
      const result = await data.searchBooks(query, 1);
      expect(result.isbnMatch).toBe(true);
      expect(result.books.map((b) => b.ean)).toEqual([SEED_BOOK_EAN]);
    },
  );

  it.each([
    ['cooperaton action publique', 'cooperation action publique'],
    ['dhume cooperaton', 'dhume cooperation'],
  ])('corrects typos when nothing matches: %s', async (query, corrected) => {
    const result = await data.searchBooks(query, 1);
    expect(result.correctedQuery).toBe(corrected);
    expect(result.books[0]?.ean).toBe(SEED_BOOK_EAN);
  });

  it('ranks a title match above a match in the description only', async () => {
    // "injonction" is in the seed book's back-cover text only; a title with it must come first.
    const before = await data.searchBooks('injonction', 1);
    expect(before.books.map((b) => b.ean)).toContain(SEED_BOOK_EAN);
    const { createTestBook } = await import('@/scripts/test/fixtures/books');
    const titled = await createTestBook((await import('@/lib/db')).getDb(), {
      onHand: 1,
      withSupplier: false,
      title: 'L’injonction au partenariat',
    });
    const after = await data.searchBooks('injonction', 1);
    expect(after.books[0]?.ean).toBe(titled.ean);
    expect(after.books.map((b) => b.ean)).toContain(SEED_BOOK_EAN);
  });

  it('counts facets on the results', async () => {
    const result = await data.searchBooks('droit', 1);
    expect(result.facets.themes.length).toBeGreaterThan(0);
    expect(result.facets.themes.reduce((sum, t) => sum + t.count, 0)).toBe(result.facetSample);
    expect(result.facets.availability.map((a) => a.key)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[a-z-]+$/)]),
    );
  });

  it('requires every word', async () => {
    const result = await data.searchBooks('cooperation zzzzzz', 1);
    expect(result.total).toBe(0);
  });

  it('handles empty and huge queries', async () => {
    expect((await data.searchBooks('', 1)).total).toBe(0);
    expect((await data.searchBooks('\u0000', 1)).total).toBe(0);
    const huge = await data.searchBooks('droit '.repeat(200), 1);
    expect(huge.words).toEqual(['droit']);
    expect(huge.total).toBeGreaterThan(0);
  });
});

describe('listCatalog', () => {
  it('offers the top publishers and collections of the listing, and the selected one', async () => {
    const page = await data.getCatalogPage({ tri: 'nouveautes', page: 1, editeur: 'berger-levrault' });
    expect(page.publishers[0]).toMatchObject({ slug: 'berger-levrault' });
    expect(page.list.books.every((b) => b.publisher.slug === 'berger-levrault')).toBe(true);
    const all = await data.getCatalogPage({ tri: 'nouveautes', page: 1 });
    expect(all.publishers.length).toBeGreaterThan(1);
    expect(all.publishers.length).toBeLessThanOrEqual(data.CATALOG_FACET_OPTIONS);
  });

  it('lists nothing for an unknown publisher or theme', async () => {
    expect((await data.listCatalog({ tri: 'nouveautes', page: 1, editeur: 'inconnu' })).total).toBe(0);
    expect((await data.listCatalog({ tri: 'nouveautes', page: 1, theme: 'inconnu' })).total).toBe(0);
  });

  it('filters a theme with its sub-themes', async () => {
    const all = await data.listCatalog({ tri: 'titre', page: 1, theme: 'droit' });
    const admin = await data.listCatalog({ tri: 'titre', page: 1, theme: 'droit/droit-administratif' });
    expect(admin.total).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThan(admin.total);
    expect(admin.books.map((b) => b.ean)).toContain(SEED_BOOK_EAN);
  });

  it('filters by availability, and the stored state matches the label', async () => {
    const inStock = await data.listCatalog({ tri: 'nouveautes', page: 1, disponibilite: 'en-stock' });
    expect(inStock.total).toBeGreaterThan(0);
    expect(new Set(inStock.books.map((book) => book.availability.state))).toEqual(new Set(['in_stock']));
    const outOfPrint = await data.listCatalog({ tri: 'nouveautes', page: 1, disponibilite: 'epuise' });
    expect(outOfPrint.books.length).toBeGreaterThan(0);
    expect(new Set(outOfPrint.books.map((book) => book.availability.label))).toEqual(new Set(['Épuisé']));
  });

  it('sorts by price and by title', async () => {
    const byPrice = await data.listCatalog({ tri: 'prix-croissant', page: 1 });
    const prices = byPrice.books.map((b) => b.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    // Other test files add books of their own: only the demo catalog's are checked.
    const demoEans = new Set(DEMO_CATALOG.books.map((book) => book.ean));
    const titles: string[] = [];
    for (let page = 1; page <= 100; page += 1) {
      const listed = await data.listCatalog({ tri: 'titre', page });
      if (listed.books.length === 0) break;
      titles.push(...listed.books.filter((b) => demoEans.has(b.ean)).map((b) => b.title));
    }
    expect(titles).toHaveLength(DEMO_CATALOG.books.length);
    const sortTitles = titles.map(bookSortTitle);
    expect(sortTitles).toEqual([...sortTitles].sort());
    // An accent does not send a title to the end: "Économie publique" files under E, before F.
    const economy = titles.indexOf('Économie publique');
    expect(sortTitles[economy - 1]! < 'economie').toBe(true);
    expect(sortTitles.slice(economy + 1).some((title) => title.startsWith('f'))).toBe(true);
  });

  it('pages through the catalog without overlap, and a page past the end is empty', async () => {
    const first = await data.listCatalog({ tri: 'titre', page: 1 });
    const second = await data.listCatalog({ tri: 'titre', page: 2 });
    expect(first.total).toBeGreaterThanOrEqual(60);
    const overlap = second.books.filter((b) => first.books.some((f) => f.ean === b.ean));
    expect(overlap).toEqual([]);
    const beyond = await data.listCatalog({ tri: 'titre', page: 999 });
    expect(beyond.books).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });
});
