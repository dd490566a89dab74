import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityState } from '@/lib/generated/prisma/client';
import { bookSortTitle } from '@/lib/catalog/book-derived';
import { SEED_BOOK_EAN } from '@/prisma/demo-catalog/seed-book';
import { testEan } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';

// Real PostgreSQL with the migrations and the demo catalog (scripts/test/database-setup.ts).
const db = openTestDatabase();
let data: typeof import('./books') & typeof import('./related-books');

beforeAll(async () => {
  data = { ...(await import('./books')), ...(await import('./related-books')) };
});

async function keysOf(ean: string) {
  const book = await data.getBookPage(ean);
  if (!book) throw new Error(`No book ${ean}`);
  return book.relatedKeys;
}

describe('listRelatedBooks on the seed book', () => {
  it('lists the other book of its author, of its collection and of its theme, never itself', async () => {
    const related = await data.listRelatedBooks(await keysOf(SEED_BOOK_EAN));
    expect(related.byAuthor.map((book) => book.title)).toEqual(['RMI et psychiatrie']);
    expect(related.inCollection.map((book) => book.ean)).toEqual(['9782296998414']);
    expect(related.onTheme.map((book) => book.title)).toHaveLength(2);
    const all = [...related.byAuthor, ...related.inCollection, ...related.onTheme].map((book) => book.ean);
    expect(all).not.toContain(SEED_BOOK_EAN);
    expect(new Set(all).size).toBe(all.length);
    // Cards carry what the card shows.
    expect(related.inCollection[0]).toMatchObject({
      publisher: { name: "L'Harmattan" },
      priceCents: expect.any(Number),
    });
  });
});

describe('listRelatedBooks order, size and overlap', () => {
  // A collection and a theme of their own, so that books of other tests do not interfere.
  async function shelf() {
    const tag = randomUUID().slice(0, 8);
    const publisher = await db.publisher.findFirstOrThrow({ select: { id: true } });
    const theme = await db.theme.create({
      data: { path: `test-${tag}`, slug: `test-${tag}`, name: `Thème ${tag}`, depth: 1 },
      select: { id: true },
    });
    const collection = await db.collection.create({
      data: { slug: `test-${tag}`, name: `Collection ${tag}`, publisherId: publisher.id },
      select: { id: true },
    });
    const author = await db.contributor.create({
      data: { slug: `test-${tag}`, name: `Auteur ${tag}`, sortName: `Auteur ${tag}` },
      select: { id: true },
    });
    const add = (title: string, availability: AvailabilityState, publishedOn: string | null, inCollection = true) =>
      db.book.create({
        data: {
          ean: testEan(),
          title,
          workType: 'Essai',
          publisherPriceCents: 1500,
          publisherId: publisher.id,
          themeId: theme.id,
          collectionId: inCollection ? collection.id : null,
          publishedOn: publishedOn ? new Date(`${publishedOn}T00:00:00Z`) : null,
          availability,
          searchText: title.toLowerCase(),
          sortTitle: bookSortTitle(title),
          contributors: { create: { contributorId: author.id, role: 'A01' } },
        },
        select: { id: true, ean: true, title: true },
      });
    return {
      add,
      keys: (bookId: number) => ({ bookId, authorIds: [author.id], collectionId: collection.id, themeId: theme.id }),
    };
  }

  it('puts books in stock first, then by the enum order of availability, latest first, six at most, listed only', async () => {
    const { add, keys } = await shelf();
    const current = await add('Le livre ouvert', 'in_stock', '2020-01-01');
    await add('Épuisé récent', 'out_of_print', '2025-01-01');
    await add('À commander ancien', 'to_order', '2001-01-01');
    await add('En stock ancien', 'in_stock', '1999-01-01');
    await add('À commander récent', 'to_order', '2024-01-01');
    await add('En stock récent', 'in_stock', '2023-06-01');
    await add('Indisponible', 'unavailable', '2025-06-01');
    await add('À paraître', 'pre_order', '2026-09-01');
    // Withdrawn by its distributors: no page, so in no row, though in stock and the latest.
    const delisted = await add('Retiré de la vente', 'in_stock', '2026-10-01');
    await db.book.update({ where: { id: delisted.id }, data: { delistedAt: new Date() } });

    const related = await data.listRelatedBooks(keys(current.id));
    expect(related.byAuthor.map((book) => book.title)).toEqual([
      'En stock récent',
      'En stock ancien',
      'À commander récent',
      'À commander ancien',
      'À paraître',
      'Épuisé récent',
    ]);
    // Every book of the collection and theme is already in the author's row: shown once only.
    expect(related.inCollection.map((book) => book.title)).toEqual(['Indisponible']);
    expect(related.onTheme).toEqual([]);
  });

  it('lists the theme alone for a book with no collection and no author', async () => {
    const { add, keys } = await shelf();
    const current = await add('Point de départ', 'to_order', '2020-01-01', false);
    await add('Même thème', 'in_stock', '2021-01-01', false);
    const related = await data.listRelatedBooks({ ...keys(current.id), collectionId: null, authorIds: [] });
    expect(related.byAuthor).toEqual([]);
    expect(related.inCollection).toEqual([]);
    expect(related.onTheme.map((book) => book.title)).toEqual(['Même thème']);
  });
});
