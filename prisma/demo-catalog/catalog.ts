// The demo catalog loaded by `prisma/seed.ts` into an empty database.
import type { DemoCatalog } from './types';
import { BOOKS_DROIT } from './books-droit';
import { BOOKS_SCIENCES_HUMAINES } from './books-sciences-humaines';
import { CONTRIBUTORS } from './contributors';
import { DEMO_COVERS, demoCoverPath } from './covers';
import { COLLECTIONS, PUBLISHERS } from './publishers';
import { SUPPLIERS } from './suppliers';
import { THEMES } from './themes';

export const DEMO_CATALOG: DemoCatalog = {
  themes: THEMES,
  suppliers: SUPPLIERS,
  publishers: PUBLISHERS,
  collections: COLLECTIONS,
  contributors: CONTRIBUTORS,
  books: [...BOOKS_DROIT, ...BOOKS_SCIENCES_HUMAINES].map((book) =>
    DEMO_COVERS.some((cover) => cover.ean === book.ean) ? { ...book, coverPath: demoCoverPath(book.ean) } : book,
  ),
};
