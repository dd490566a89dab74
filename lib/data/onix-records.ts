import 'server-only';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { SupplyFacts } from '@/lib/catalog/book-supply';
import { derivedBookColumns, supplyColumns } from '@/lib/catalog/derived-columns';
import { slugify } from '@/lib/catalog/slug';
import type { OnixBook, OnixDeletion, OnixRecord, OnixSupply } from '@/lib/onix/onix-product';
import { bookSearchWords } from '@/lib/search/search-words';
import { NEW_SUPPLIER_LEAD_TIME } from '@/lib/shop/config';

// One ONIX record applied in one transaction (docs/decisions/007): everything it says is
// written, or nothing. Locks, in this order: the book's StockLevel row (as the buying path
// does, lib/data/stock-locks.ts), then its Book row.

type Tx = Prisma.TransactionClient;

export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'deleted';

/** A record the import refuses for a reason found while applying it (rolled back). */
export class RecordRejection extends Error {}

export type ThemeIndex = { byThema: Map<string, number>; byClil: Map<string, number>; fallbackPath: string };

/** Ids found or created by earlier records of the same run, kept once their transaction commits. */
export type ImportCache = {
  suppliers: Map<string, number>;
  publishers: Map<string, number>;
  collections: Map<string, number>;
  contributors: Map<string, number>;
  fallbackThemeId: number | null;
};

export type ImportContext = {
  themes: ThemeIndex;
  cache: ImportCache;
  /** The Header's sender, for supplies that do not name their distributor. */
  sender: { gln: string | null; name: string | null };
};

export function newImportCache(): ImportCache {
  return {
    suppliers: new Map(),
    publishers: new Map(),
    collections: new Map(),
    contributors: new Map(),
    fallbackThemeId: null,
  };
}

/** Thema codes match their theme, or the nearest broader code ("LNDH" → "LND"); then CLIL. */
export async function loadThemeIndex(db: PrismaClient): Promise<ThemeIndex> {
  const themes = await db.theme.findMany({
    orderBy: [{ depth: 'asc' }, { position: 'asc' }],
    select: { id: true, clilCode: true, themaCode: true },
  });
  const byThema = new Map<string, number>();
  const byClil = new Map<string, number>();
  // Several themes share a code: the broadest (shallowest, first) one receives the books.
  for (const theme of themes) {
    if (theme.themaCode && !byThema.has(theme.themaCode)) byThema.set(theme.themaCode, theme.id);
    if (theme.clilCode && !byClil.has(theme.clilCode)) byClil.set(theme.clilCode, theme.id);
  }
  return { byThema, byClil, fallbackPath: FALLBACK_THEME.path };
}

// Books whose subjects match no theme of the shop's tree are not refused: they go here.
const FALLBACK_THEME = { path: 'autres-livres', slug: 'autres-livres', name: 'Autres livres' };

function themeOf(book: OnixBook, themes: ThemeIndex): number | null {
  for (const code of book.themaCodes) {
    for (let length = code.length; length > 0; length -= 1) {
      const id = themes.byThema.get(code.slice(0, length));
      if (id !== undefined) return id;
    }
  }
  for (const code of book.clilCodes) {
    const id = themes.byClil.get(code);
    if (id !== undefined) return id;
  }
  return null;
}

export async function applyRecord(
  db: PrismaClient,
  record: OnixRecord,
  context: ImportContext,
): Promise<RecordOutcome> {
  // Records run side by side: two may create the same new publisher or person at once. The
  // loser's transaction rolls back on the unique index; run again, it finds the row.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await applyOnce(db, record, context);
    } catch (error) {
      const conflict = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!conflict || attempt >= 3) throw error;
    }
  }
}

async function applyOnce(db: PrismaClient, record: OnixRecord, context: ImportContext): Promise<RecordOutcome> {
  const fresh = newImportCache();
  const outcome = await db.$transaction(
    (tx) =>
      record.notification === 'delete'
        ? applyDeletion(tx, record, context, fresh)
        : applyBook(tx, record, context, fresh),
    { maxWait: 10_000, timeout: 30_000 },
  );
  // Committed: what this record created can be reused by the next ones.
  for (const key of ['suppliers', 'publishers', 'collections', 'contributors'] as const) {
    for (const [name, id] of fresh[key]) context.cache[key].set(name, id);
  }
  if (fresh.fallbackThemeId !== null) context.cache.fallbackThemeId = fresh.fallbackThemeId;
  return outcome;
}

async function findSupplier(
  tx: Tx,
  supply: Pick<OnixSupply, 'gln' | 'name'>,
  context: ImportContext,
  fresh: ImportCache,
  create: boolean,
): Promise<number | null> {
  const gln = supply.gln ?? (supply.name ? null : context.sender.gln);
  const name = supply.name ?? (supply.gln ? null : context.sender.name);
  const key = gln ? `gln:${gln}` : name ? `name:${name}` : null;
  if (!key) return null;
  const cached = context.cache.suppliers.get(key) ?? fresh.suppliers.get(key);
  if (cached !== undefined) return cached;
  let row = gln ? await tx.supplier.findFirst({ where: { gln }, select: { id: true } }) : null;
  if (!row && name) {
    row = await tx.supplier.findUnique({ where: { name }, select: { id: true } });
    // A distributor the shop typed in without its GLN: the feed teaches it.
    if (row && gln) await tx.supplier.update({ where: { id: row.id }, data: { gln } });
  }
  if (!row && create) {
    const label = name ?? `Distributeur GLN ${gln}`;
    const taken = await tx.supplier.findUnique({ where: { name: label }, select: { id: true } });
    row = await tx.supplier.create({
      data: {
        name: taken ? `${label} (GLN ${gln})` : label,
        gln,
        leadTimeMinDays: NEW_SUPPLIER_LEAD_TIME.minDays,
        leadTimeMaxDays: NEW_SUPPLIER_LEAD_TIME.maxDays,
      },
      select: { id: true },
    });
  }
  if (row) fresh.suppliers.set(key, row.id);
  return row?.id ?? null;
}

async function findOrCreatePublisher(tx: Tx, name: string, context: ImportContext, fresh: ImportCache) {
  const slug = slugify(name);
  const cached = context.cache.publishers.get(slug) ?? fresh.publishers.get(slug);
  if (cached !== undefined) return { id: cached, name };
  const row = await tx.publisher.upsert({
    where: { slug },
    create: { slug, name },
    update: {},
    select: { id: true, name: true },
  });
  fresh.publishers.set(slug, row.id);
  return row;
}

async function findOrCreateCollection(
  tx: Tx,
  name: string,
  publisherId: number,
  context: ImportContext,
  fresh: ImportCache,
) {
  const key = `${publisherId}:${name}`;
  const cached = context.cache.collections.get(key) ?? fresh.collections.get(key);
  if (cached !== undefined) return cached;
  let row = await tx.collection.findFirst({ where: { publisherId, name }, select: { id: true } });
  if (!row) {
    const base = slugify(name);
    const taken = await tx.collection.findUnique({ where: { slug: base }, select: { id: true } });
    const publisher = await tx.publisher.findUniqueOrThrow({ where: { id: publisherId }, select: { slug: true } });
    const slug = taken ? slugify(`${name} ${publisher.slug}`) : base;
    row = await tx.collection.upsert({
      where: { slug },
      create: { slug, name, publisherId },
      update: {},
      select: { id: true },
    });
  }
  fresh.collections.set(key, row.id);
  return row.id;
}

async function findOrCreateContributor(
  tx: Tx,
  person: OnixBook['contributors'][number],
  context: ImportContext,
  fresh: ImportCache,
): Promise<number> {
  const slug = slugify(person.name);
  let id = context.cache.contributors.get(slug) ?? fresh.contributors.get(slug);
  if (id === undefined) {
    // Same name, same person: ONIX name identifiers (ISNI) would tell homonyms apart (not read yet).
    const row = await tx.contributor.upsert({
      where: { slug },
      create: { slug, name: person.name, sortName: person.sortName, biography: person.biography },
      update: {},
      select: { id: true },
    });
    id = row.id;
    fresh.contributors.set(slug, id);
    return id;
  }
  if (person.biography) {
    await tx.contributor.updateMany({
      where: { id, NOT: { biography: person.biography } },
      data: { biography: person.biography },
    });
  }
  return id;
}

async function themeIdOf(tx: Tx, book: OnixBook, context: ImportContext, fresh: ImportCache): Promise<number> {
  const matched = themeOf(book, context.themes);
  if (matched !== null) return matched;
  const cached = context.cache.fallbackThemeId ?? fresh.fallbackThemeId;
  if (cached !== null) return cached;
  const row = await tx.theme.upsert({
    where: { path: FALLBACK_THEME.path },
    create: { ...FALLBACK_THEME, depth: 1, position: 1000 },
    update: {},
    select: { id: true },
  });
  fresh.fallbackThemeId = row.id;
  return row.id;
}

/** Locks the book's stock row (creating it for a new book) and returns copies on hand. */
async function lockStock(tx: Tx, bookId: number): Promise<number> {
  const rows = await tx.$queryRaw<{ onHand: number }[]>`
    SELECT "onHand" FROM "StockLevel" WHERE "bookId" = ${bookId} FOR UPDATE`;
  if (rows[0]) return rows[0].onHand;
  await tx.stockLevel.create({ data: { bookId, onHand: 0 } });
  return 0;
}

async function suppliesOf(tx: Tx, bookId: number): Promise<SupplyFacts[]> {
  const rows = await tx.bookSupply.findMany({
    where: { bookId },
    select: {
      supplierId: true,
      availabilityCode: true,
      expectedOn: true,
      supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
    },
  });
  return rows.map((row) => ({
    supplierId: row.supplierId,
    availabilityCode: row.availabilityCode,
    expectedOn: row.expectedOn,
    leadTime: { minDays: row.supplier.leadTimeMinDays, maxDays: row.supplier.leadTimeMaxDays },
  }));
}

async function applyBook(tx: Tx, book: OnixBook, context: ImportContext, fresh: ImportCache): Promise<RecordOutcome> {
  const supplierIds: number[] = [];
  for (const supply of book.supplies) {
    const id = await findSupplier(tx, supply, context, fresh, true);
    if (id === null) throw new RecordRejection('distributeur non identifié (ni GLN, ni nom, ni expéditeur)');
    supplierIds.push(id);
  }
  const existing = await tx.book.findUnique({ where: { ean: book.ean }, select: { id: true, delistedAt: true } });
  if (existing) {
    await lockStock(tx, existing.id);
    const supplies = await tx.bookSupply.findMany({
      where: { bookId: existing.id, supplierId: { in: supplierIds } },
      select: { recordHash: true },
    });
    const same = supplies.length === supplierIds.length && supplies.every((s) => s.recordHash === book.hash);
    if (same && existing.delistedAt === null) return 'unchanged';
  }

  const publisher = await findOrCreatePublisher(tx, book.publisherName, context, fresh);
  const collectionId = book.collection
    ? await findOrCreateCollection(tx, book.collection.name, publisher.id, context, fresh)
    : null;
  const themeId = await themeIdOf(tx, book, context, fresh);
  const contributorIds: number[] = [];
  for (const person of book.contributors)
    contributorIds.push(await findOrCreateContributor(tx, person, context, fresh));

  const fields = {
    title: book.title,
    subtitle: book.subtitle,
    description: book.description,
    pageCount: book.pageCount,
    publishedOn: book.publishedOn,
    productForm: book.productForm,
    languageCode: book.languageCode,
    publisherPriceCents: book.priceCents,
    vatRateBasisPoints: book.vatRateBasisPoints,
    imprint: book.imprintName,
    publisherId: publisher.id,
    collectionId,
    collectionNumber: book.collection?.number ?? null,
    themeId,
    delistedAt: null,
  };
  // Derived columns are written with the row; the supply columns once the supplies are in.
  const names = book.contributors.map((c) => c.name);
  const derived = derivedBookColumns({
    title: book.title,
    subtitle: book.subtitle,
    contributorNames: names,
    publisherName: publisher.name,
    collectionName: book.collection?.name ?? null,
    onHand: 0,
    supplies: [],
  });
  const text = { searchText: derived.searchText, sortTitle: derived.sortTitle };
  let bookId: number;
  if (existing) {
    bookId = existing.id;
    await tx.book.update({ where: { id: bookId }, data: { ...fields, ...text } });
    await tx.bookContributor.deleteMany({ where: { bookId } });
  } else {
    const created = await tx.book.create({
      // The kind of work is the shop's filing, not an ONIX field: staff refine it later.
      data: { ean: book.ean, workType: 'Livre', availability: 'unavailable', ...fields, ...text },
      select: { id: true },
    });
    bookId = created.id;
  }
  const onHand = await lockStock(tx, bookId);
  if (contributorIds.length > 0) {
    await tx.bookContributor.createMany({
      data: book.contributors.map((person, position) => ({
        bookId,
        contributorId: contributorIds[position] as number,
        role: person.role,
        position,
      })),
      skipDuplicates: true,
    });
  }
  for (const [index, supply] of book.supplies.entries()) {
    const supplierId = supplierIds[index] as number;
    const data = { availabilityCode: supply.availabilityCode, expectedOn: supply.expectedOn, recordHash: book.hash };
    await tx.bookSupply.upsert({
      where: { bookId_supplierId: { bookId, supplierId } },
      create: { bookId, supplierId, ...data },
      update: data,
    });
  }
  await tx.book.update({ where: { id: bookId }, data: supplyColumns(onHand, await suppliesOf(tx, bookId)) });
  const words = bookSearchWords({ title: book.title, subtitle: book.subtitle, contributorNames: names });
  if (words.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "SearchWord" ("word", "bookCount") SELECT unnest(${words}::text[]), 1
      ON CONFLICT ("word") DO UPDATE SET "bookCount" = "SearchWord"."bookCount" + ${existing ? 0 : 1}`;
  }
  return existing ? 'updated' : 'created';
}

async function applyDeletion(
  tx: Tx,
  deletion: OnixDeletion,
  context: ImportContext,
  fresh: ImportCache,
): Promise<RecordOutcome> {
  const book = await tx.book.findUnique({ where: { ean: deletion.ean }, select: { id: true, delistedAt: true } });
  if (!book) return 'unchanged';
  const named = deletion.supplies.length > 0 ? deletion.supplies : [{ gln: null, name: null }];
  const supplierIds: number[] = [];
  for (const supply of named) {
    const id = await findSupplier(tx, supply, context, fresh, false);
    if (id !== null) supplierIds.push(id);
  }
  if (supplierIds.length === 0) throw new RecordRejection('suppression : distributeur non identifié');
  const onHand = await lockStock(tx, book.id);
  const removed = await tx.bookSupply.deleteMany({ where: { bookId: book.id, supplierId: { in: supplierIds } } });
  if (removed.count === 0) return 'unchanged';
  const remaining = await suppliesOf(tx, book.id);
  // The last distributor withdrew it: the row stays for past orders, the book leaves the catalog.
  await tx.book.update({
    where: { id: book.id },
    data: { ...supplyColumns(onHand, remaining), ...(remaining.length === 0 && { delistedAt: new Date() }) },
  });
  return 'deleted';
}
