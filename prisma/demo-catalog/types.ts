// Shape of the demo catalog that `prisma/seed.ts` loads into an empty database.
// References between records are by slug (or name for suppliers), resolved by the seed.

export type DemoTheme = {
  /** Slug path from the root: "droit/droit-administratif/action-de-l-administration". */
  path: string;
  name: string;
  clilCode?: string;
  themaCode?: string;
};

export type DemoSupplier = {
  name: string;
  gln?: string;
  leadTimeMinDays: number;
  leadTimeMaxDays: number;
};

export type DemoPublisher = { slug: string; name: string };
export type DemoCollection = { slug: string; name: string; publisherSlug: string };

export type DemoContributor = {
  slug: string;
  name: string;
  sortName: string;
  biography?: string;
};

export type DemoBook = {
  ean: string;
  title: string;
  subtitle?: string;
  /** Paragraphs separated by a blank line. */
  description?: string;
  pageCount?: number;
  /** ISO date "2006-09-15". */
  publishedOn?: string;
  /** ONIX list 150: "BC" paperback, "BB" hardback. */
  productForm?: string;
  workType: string;
  languageCode?: string;
  publisherPriceCents: number;
  vatRateBasisPoints?: number;
  featured?: boolean;
  /** A bookseller's pick: "Le mot du libraire" (docs/decisions/024-bookseller-picks.md). */
  pick?: { note: string; booksellerName: string };
  publisherSlug: string;
  collectionSlug?: string;
  collectionNumber?: string;
  themePath: string;
  contributors: { slug: string; role?: string }[];
  supplierName?: string;
  /** ONIX list 65 code given by the supplier. */
  supplierAvailabilityCode?: string;
  /** ISO date: publication date of a forthcoming title, or expected reprint date. */
  expectedOn?: string;
  /** Copies on hand at the initial count. */
  onHand: number;
  /** A cover image in public/ (prisma/demo-catalog/covers.ts). */
  coverPath?: string;
};

export type DemoCatalog = {
  themes: DemoTheme[];
  suppliers: DemoSupplier[];
  publishers: DemoPublisher[];
  collections: DemoCollection[];
  contributors: DemoContributor[];
  books: DemoBook[];
};
