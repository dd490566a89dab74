// Loads the demo catalog into an empty database, in one transaction.
// `npm start` calls it on the embedded database when it has no books; `npm run db:seed`
// runs it by hand against DATABASE_URL (and refuses a database that already has books).
import { pathToFileURL } from 'node:url';
import type { PrismaClient } from '../lib/generated/prisma/client';
import { createPrismaClient } from '../lib/database/prisma-client';
import { describeBookAvailability } from '../lib/catalog/book-availability';
import { bookSearchText, bookSortTitle } from '../lib/catalog/book-derived';
import { bookSearchWords } from '../lib/search/search-words';
import { DEMO_CATALOG } from './demo-catalog/catalog';
import type { DemoCatalog } from './demo-catalog/types';

const date = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function requireKey<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Catalogue de démonstration : ${what} inconnu « ${key} »`);
  return value;
}

export async function seedDemoCatalog(db: PrismaClient, catalog: DemoCatalog = DEMO_CATALOG): Promise<number> {
  return db.$transaction(
    async (tx) => {
      if ((await tx.book.count()) > 0) throw new Error('La base contient déjà des livres : rien n’est importé.');

      const supplierIds = new Map<string, { id: number; leadTimeMinDays: number; leadTimeMaxDays: number }>();
      for (const supplier of catalog.suppliers) {
        const row = await tx.supplier.create({
          data: supplier,
          select: { id: true, leadTimeMinDays: true, leadTimeMaxDays: true },
        });
        supplierIds.set(supplier.name, row);
      }

      const publishers = new Map<string, { id: number; name: string }>();
      for (const publisher of catalog.publishers) {
        const row = await tx.publisher.create({ data: publisher, select: { id: true, name: true } });
        publishers.set(publisher.slug, row);
      }

      const collections = new Map<string, { id: number; name: string }>();
      for (const collection of catalog.collections) {
        const publisher = requireKey(publishers, collection.publisherSlug, 'éditeur');
        const row = await tx.collection.create({
          data: { slug: collection.slug, name: collection.name, publisherId: publisher.id },
          select: { id: true, name: true },
        });
        collections.set(collection.slug, row);
      }

      // Parents before children: sort by depth.
      const themes = new Map<string, number>();
      const byDepth = [...catalog.themes].sort((a, b) => a.path.split('/').length - b.path.split('/').length);
      for (const [position, theme] of byDepth.entries()) {
        const parts = theme.path.split('/');
        const parentPath = parts.slice(0, -1).join('/');
        const row = await tx.theme.create({
          data: {
            path: theme.path,
            slug: parts.at(-1) ?? theme.path,
            name: theme.name,
            depth: parts.length,
            position,
            parentId: parentPath ? requireKey(themes, parentPath, 'thème parent') : null,
            clilCode: theme.clilCode,
            themaCode: theme.themaCode,
          },
          select: { id: true },
        });
        themes.set(theme.path, row.id);
      }

      const contributors = new Map<string, { id: number; name: string }>();
      for (const contributor of catalog.contributors) {
        const row = await tx.contributor.create({ data: contributor, select: { id: true, name: true } });
        contributors.set(contributor.slug, row);
      }

      // The vocabulary of typo correction (SearchWord): words of titles and names, with their books.
      const words = new Map<string, number>();
      for (const book of catalog.books) {
        const publisher = requireKey(publishers, book.publisherSlug, 'éditeur');
        const collection = book.collectionSlug ? requireKey(collections, book.collectionSlug, 'collection') : null;
        const supplier = book.supplierName ? requireKey(supplierIds, book.supplierName, 'fournisseur') : null;
        const links = book.contributors.map((link, position) => ({
          contributor: requireKey(contributors, link.slug, 'contributeur'),
          role: link.role ?? 'A01',
          position,
        }));
        const supplierCode = supplier ? (book.supplierAvailabilityCode ?? null) : null;
        const names = links.map((link) => link.contributor.name);
        for (const word of bookSearchWords({ title: book.title, subtitle: book.subtitle, contributorNames: names })) {
          words.set(word, (words.get(word) ?? 0) + 1);
        }
        await tx.book.create({
          data: {
            ean: book.ean,
            title: book.title,
            subtitle: book.subtitle,
            description: book.description,
            pageCount: book.pageCount,
            publishedOn: date(book.publishedOn),
            productForm: book.productForm ?? 'BC',
            workType: book.workType,
            languageCode: book.languageCode ?? 'fre',
            publisherPriceCents: book.publisherPriceCents,
            vatRateBasisPoints: book.vatRateBasisPoints ?? 550,
            featured: book.featured ?? false,
            coverPath: book.coverPath,
            publisherId: publisher.id,
            collectionId: collection?.id,
            collectionNumber: book.collectionNumber,
            themeId: requireKey(themes, book.themePath, 'thème'),
            supplierId: supplier?.id,
            supplierAvailabilityCode: supplierCode,
            expectedOn: date(book.expectedOn),
            searchText: bookSearchText({
              title: book.title,
              subtitle: book.subtitle,
              contributorNames: links.map((link) => link.contributor.name),
              publisherName: publisher.name,
              collectionName: collection?.name,
            }),
            sortTitle: bookSortTitle(book.title),
            availability: describeBookAvailability({
              supplierAvailabilityCode: supplierCode,
              expectedOn: date(book.expectedOn),
              supplier,
              stock: { onHand: book.onHand },
            }).state,
            // One supply, the book's distributor (BookSupply: docs/decisions/010).
            supplies: supplier
              ? { create: { supplierId: supplier.id, availabilityCode: supplierCode ?? '99' } }
              : undefined,
            contributors: {
              create: links.map((link) => ({
                contributorId: link.contributor.id,
                role: link.role,
                position: link.position,
              })),
            },
            // Written by a bookseller before the back office existed: no member of staff signs it.
            pick: book.pick ? { create: book.pick } : undefined,
            // The ledger opens with the initial count; StockLevel caches its sum.
            stock: { create: { onHand: book.onHand } },
            stockMovements:
              book.onHand > 0
                ? { create: { quantity: book.onHand, reason: 'INITIAL_COUNT', reference: 'Inventaire initial' } }
                : undefined,
          },
        });
      }
      await tx.searchWord.createMany({
        data: [...words].map(([word, bookCount]) => ({ word, bookCount })),
        skipDuplicates: true,
      });
      return catalog.books.length;
    },
    { timeout: 60_000 },
  );
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL manque : indiquez la base à remplir.');
  const db = createPrismaClient(url);
  try {
    const count = await seedDemoCatalog(db);
    console.log(`${count} livres importés.`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
