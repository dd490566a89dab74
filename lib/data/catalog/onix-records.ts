import 'server-only';
import { queuePreOrderChanges, readPriceAndDate } from './pre-order-changes';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { SupplyFacts } from '@/lib/catalog/book-supply';
import { derivedBookColumns, supplyColumns } from '@/lib/catalog/derived-columns';
import { slugify } from '@/lib/catalog/slug';
import type { OnixBlockUpdate, OnixBook, OnixDeletion, OnixRecord, OnixSupply } from '@/lib/onix/onix-product';
import { bookSearchWords } from '@/lib/search/search-words';
import { NEW_SUPPLIER_LEAD_TIME } from '@/lib/shop/config';
import { JOB_LIMITS, transactOrThrow, type Tx } from '@/lib/data/platform/transactions';
import { lockBookStock } from '@/lib/data/stock/stock-holds';
import { suppliesOf } from './book-supplies';

// One ONIX record applied in one transaction (docs/decisions/010): everything it says is
// written, or nothing. Locks, in this order: the book's StockLevel row (as the buying path
// does, lib/data/stock/stock-holds.ts), then its Book row.

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
  /** Lead times of the suppliers met, for a new book's supply columns. */
  leadTimes: Map<number, { minDays: number; maxDays: number }>;
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
    leadTimes: new Map(),
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
  const outcome = await transactOrThrow(
    (tx) =>
      record.notification === 'delete'
        ? applyDeletion(tx, record, context, fresh)
        : record.notification === 'update'
          ? applyBlockUpdate(tx, record, context, fresh)
          : applyBook(tx, record, context, fresh),
    JOB_LIMITS,
    // The import sends its purges once the whole file is applied (onix-import.ts).
    { db, frontCaches: [] },
  );
  // Committed: what this record created can be reused by the next ones.
  for (const key of ['suppliers', 'publishers', 'collections', 'contributors'] as const) {
    for (const [name, id] of fresh[key]) context.cache[key].set(name, id);
  }
  for (const [id, leadTime] of fresh.leadTimes) context.cache.leadTimes.set(id, leadTime);
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
  let row = gln ? await tx.supplier.findUnique({ where: { gln }, select: { id: true } }) : null;
  if (!row && name) {
    const named = await tx.supplier.findUnique({ where: { name }, select: { id: true, gln: true } });
    // A distributor the shop typed in without its GLN: the feed teaches it. Another GLN under the
    // same name is another distributor.
    if (named && (named.gln === null || gln === null || named.gln === gln)) {
      row = { id: named.id };
      if (gln && named.gln === null) await tx.supplier.update({ where: { id: named.id }, data: { gln } });
    }
  }
  if (!row && create) {
    const label = name ?? `Distributeur GLN ${gln}`;
    const taken = await tx.supplier.findUnique({ where: { name: label }, select: { id: true } });
    const finalName = taken ? `${label} (GLN ${gln})` : label;
    // Two records of a new distributor at once: the second insert waits for the first and finds it.
    const id = await insertOrFind(
      tx,
      Prisma.sql`INSERT INTO "Supplier" ("name", "gln", "leadTimeMinDays", "leadTimeMaxDays")
                 VALUES (${finalName}, ${gln}, ${NEW_SUPPLIER_LEAD_TIME.minDays}, ${NEW_SUPPLIER_LEAD_TIME.maxDays})`,
      gln
        ? Prisma.sql`SELECT "id" FROM "Supplier" WHERE "gln" = ${gln}`
        : Prisma.sql`SELECT "id" FROM "Supplier" WHERE "name" = ${finalName}`,
    );
    row = { id };
  }
  if (row) {
    fresh.suppliers.set(key, row.id);
    const lead = await tx.supplier.findUniqueOrThrow({
      where: { id: row.id },
      select: { leadTimeMinDays: true, leadTimeMaxDays: true },
    });
    fresh.leadTimes.set(row.id, { minDays: lead.leadTimeMinDays, maxDays: lead.leadTimeMaxDays });
  }
  return row?.id ?? null;
}

/** INSERT … ON CONFLICT DO NOTHING, then read: records running side by side never wait on a row lock. */
async function insertOrFind(tx: Tx, insert: Prisma.Sql, find: Prisma.Sql): Promise<number> {
  const inserted = await tx.$queryRaw<{ id: number }[]>`${insert} ON CONFLICT DO NOTHING RETURNING "id"`;
  if (inserted[0]) return inserted[0].id;
  const found = await tx.$queryRaw<{ id: number }[]>`${find}`;
  if (!found[0]) throw new Error('ligne introuvable après un conflit d’insertion');
  return found[0].id;
}

async function findOrCreatePublisher(tx: Tx, name: string, context: ImportContext, fresh: ImportCache) {
  const slug = slugify(name);
  const cached = context.cache.publishers.get(slug) ?? fresh.publishers.get(slug);
  if (cached !== undefined) return { id: cached, name };
  const id = await insertOrFind(
    tx,
    Prisma.sql`INSERT INTO "Publisher" ("slug", "name") VALUES (${slug}, ${name})`,
    Prisma.sql`SELECT "id" FROM "Publisher" WHERE "slug" = ${slug}`,
  );
  fresh.publishers.set(slug, id);
  return { id, name };
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
  const known = context.cache.contributors.get(slug) ?? fresh.contributors.get(slug);
  // Same name, same person: ONIX name identifiers (ISNI) would tell homonyms apart (not read yet).
  const id =
    known ??
    (await insertOrFind(
      tx,
      Prisma.sql`INSERT INTO "Contributor" ("slug", "name", "sortName", "biography")
                 VALUES (${slug}, ${person.name}, ${person.sortName}, ${person.biography})`,
      Prisma.sql`SELECT "id" FROM "Contributor" WHERE "slug" = ${slug}`,
    ));
  fresh.contributors.set(slug, id);
  if (person.biography) {
    await tx.$executeRaw`
      UPDATE "Contributor" SET "biography" = ${person.biography}
      WHERE "id" = ${id} AND "biography" IS DISTINCT FROM ${person.biography}`;
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
async function lockOnHand(tx: Tx, bookId: number): Promise<number> {
  return (await lockBookStock(tx, [bookId])).get(bookId)?.onHand ?? 0;
}

async function applyBook(tx: Tx, book: OnixBook, context: ImportContext, fresh: ImportCache): Promise<RecordOutcome> {
  const supplierIds: number[] = [];
  for (const supply of book.supplies) {
    const id = await findSupplier(tx, supply, context, fresh, true);
    if (id === null) throw new RecordRejection('distributeur non identifié (ni GLN, ni nom, ni expéditeur)');
    supplierIds.push(id);
  }
  // The same record from the same distributors, already applied: nothing to write.
  const [existing] = await tx.$queryRaw<{ id: number; delisted: boolean; same: number }[]>`
    SELECT b."id", b."delistedAt" IS NOT NULL AS delisted,
           (SELECT count(*)::int FROM "BookSupply" s
             WHERE s."bookId" = b."id" AND s."supplierId" = ANY(${supplierIds}::int[]) AND s."recordHash" = ${book.hash}) AS same
    FROM "Book" b WHERE b."ean" = ${book.ean}`;
  if (existing && existing.same === supplierIds.length && !existing.delisted) return 'unchanged';
  const onHand = existing ? await lockOnHand(tx, existing.id) : 0;
  const before = existing ? await readPriceAndDate(tx, existing.id) : null;

  const publisher = await findOrCreatePublisher(tx, book.publisherName, context, fresh);
  const collectionId = book.collection
    ? await findOrCreateCollection(tx, book.collection.name, publisher.id, context, fresh)
    : null;
  const themeId = await themeIdOf(tx, book, context, fresh);
  const contributorIds: number[] = [];
  for (const person of book.contributors)
    contributorIds.push(await findOrCreateContributor(tx, person, context, fresh));

  // A new book's supplies are this record's; an existing one may have other distributors'.
  const recordSupplies: SupplyFacts[] = book.supplies.map((supply, index) => {
    const supplierId = supplierIds[index] as number;
    return {
      supplierId,
      availabilityCode: supply.availabilityCode,
      expectedOn: supply.expectedOn,
      leadTime: context.cache.leadTimes.get(supplierId) ?? fresh.leadTimes.get(supplierId) ?? NEW_SUPPLIER_LEAD_TIME,
    };
  });
  const names = book.contributors.map((c) => c.name);
  const derived = derivedBookColumns({
    title: book.title,
    subtitle: book.subtitle,
    contributorNames: names,
    publisherName: publisher.name,
    collectionName: book.collection?.name ?? null,
    onHand,
    supplies: recordSupplies,
  });
  // One statement for the row; workType, featured and the cover stay the shop's on an update.
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Book" ("ean", "title", "subtitle", "description", "pageCount", "publishedOn", "productForm",
      "workType", "languageCode", "publisherPriceCents", "vatRateBasisPoints", "imprint", "publisherId",
      "collectionId", "collectionNumber", "themeId", "supplierId", "supplierAvailabilityCode", "expectedOn",
      "searchText", "sortTitle", "availability", "delistedAt", "updatedAt")
    VALUES (${book.ean}, ${book.title}, ${book.subtitle}, ${book.description}, ${book.pageCount},
      ${book.publishedOn}::date, ${book.productForm}, 'Livre', ${book.languageCode}, ${book.priceCents},
      ${book.vatRateBasisPoints}, ${book.imprintName}, ${publisher.id}, ${collectionId},
      ${book.collection?.number ?? null}, ${themeId}, ${derived.supplierId}, ${derived.supplierAvailabilityCode},
      ${derived.expectedOn}::date, ${derived.searchText}, ${derived.sortTitle},
      ${derived.availability}::"AvailabilityState", NULL, now())
    ON CONFLICT ("ean") DO UPDATE SET
      "title" = excluded."title", "subtitle" = excluded."subtitle", "description" = excluded."description",
      "pageCount" = excluded."pageCount", "publishedOn" = excluded."publishedOn",
      "productForm" = excluded."productForm", "languageCode" = excluded."languageCode",
      "publisherPriceCents" = excluded."publisherPriceCents", "vatRateBasisPoints" = excluded."vatRateBasisPoints",
      "imprint" = excluded."imprint", "publisherId" = excluded."publisherId",
      "collectionId" = excluded."collectionId", "collectionNumber" = excluded."collectionNumber",
      "themeId" = excluded."themeId", "searchText" = excluded."searchText", "sortTitle" = excluded."sortTitle",
      "delistedAt" = NULL, "updatedAt" = now()
    RETURNING "id"`;
  const bookId = (row as { id: number }).id;
  if (existing) {
    await tx.$executeRaw`DELETE FROM "BookContributor" WHERE "bookId" = ${bookId}`;
  } else {
    await tx.$executeRaw`INSERT INTO "StockLevel" ("bookId", "onHand", "held", "updatedAt") VALUES (${bookId}, 0, 0, now())`;
  }
  if (contributorIds.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "BookContributor" ("bookId", "contributorId", "role", "position")
      SELECT ${bookId}, c.id, c.role, c.position - 1
      FROM unnest(${contributorIds}::int[], ${book.contributors.map((c) => c.role)}::text[]) WITH ORDINALITY AS c(id, role, position)
      ON CONFLICT DO NOTHING`;
  }
  await tx.$executeRaw`
    INSERT INTO "BookSupply" ("bookId", "supplierId", "availabilityCode", "expectedOn", "recordHash", "updatedAt")
    SELECT ${bookId}, s.supplier, s.code, s.expected, ${book.hash}, now()
    FROM unnest(${supplierIds}::int[], ${book.supplies.map((s) => s.availabilityCode)}::text[],
                ${book.supplies.map((s) => s.expectedOn)}::date[]) AS s(supplier, code, expected)
    ON CONFLICT ("bookId", "supplierId") DO UPDATE SET "availabilityCode" = excluded."availabilityCode",
      "expectedOn" = excluded."expectedOn", "recordHash" = excluded."recordHash", "updatedAt" = now()`;
  if (existing) {
    const columns = supplyColumns(onHand, await suppliesOf(tx, bookId));
    await tx.$executeRaw`
      UPDATE "Book" SET "supplierId" = ${columns.supplierId}, "supplierAvailabilityCode" = ${columns.supplierAvailabilityCode},
        "expectedOn" = ${columns.expectedOn}::date, "availability" = ${columns.availability}::"AvailabilityState"
      WHERE "id" = ${bookId}`;
    await queuePreOrderChanges(tx, bookId, before);
  }
  const words = bookSearchWords({ title: book.title, subtitle: book.subtitle, contributorNames: names });
  if (words.length > 0) {
    // New words only: counting each book on common words ("droit") would make every record wait
    // for the others' row locks. bookCount only orders corrections; the seeds count exactly.
    await tx.$executeRaw`
      INSERT INTO "SearchWord" ("word", "bookCount") SELECT unnest(${words}::text[]), 1
      ON CONFLICT ("word") DO NOTHING`;
  }
  return existing ? 'updated' : 'created';
}

/**
 * A block update (NotificationType 04): each block it carries replaces the book's, the rest stays;
 * what depends on them (the best supply, the stored availability, the search text) is computed
 * again in the record's transaction, and the database's triggers queue the front-cache purges of
 * the book's pages. A new fixed price applies at once (loi n° 81-766, art. 1: the shop sells at
 * the publisher's price).
 */
async function applyBlockUpdate(
  tx: Tx,
  update: OnixBlockUpdate,
  context: ImportContext,
  fresh: ImportCache,
): Promise<RecordOutcome> {
  // A daily feed is mostly ProductSupply alone: the book's id is all it needs to read first.
  const [found] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Book" WHERE "ean" = ${update.ean}`;
  if (!found) throw new RecordRejection('mise à jour d’un produit inconnu : sa notice complète n’a jamais été reçue');
  const bookId = found.id;
  const onHand = await lockOnHand(tx, bookId);

  if (update.collateral) {
    await tx.$executeRaw`UPDATE "Book" SET "description" = ${update.collateral.description}, "updatedAt" = now()
      WHERE "id" = ${bookId}`;
  }
  if (update.publishing) {
    const book = await tx.book.findUniqueOrThrow({
      where: { id: bookId },
      select: {
        title: true,
        subtitle: true,
        publisher: { select: { name: true } },
        collection: { select: { name: true } },
        contributors: { orderBy: { position: 'asc' }, select: { contributor: { select: { name: true } } } },
      },
    });
    const { publisherName, imprintName, publishedOn } = update.publishing;
    const publisher = publisherName ? await findOrCreatePublisher(tx, publisherName, context, fresh) : null;
    const searchText = derivedBookColumns({
      title: book.title,
      subtitle: book.subtitle,
      contributorNames: book.contributors.map((c) => c.contributor.name),
      publisherName: publisher?.name ?? book.publisher.name,
      collectionName: book.collection?.name ?? null,
      onHand,
      supplies: [],
    }).searchText;
    await tx.$executeRaw`
      UPDATE "Book" SET "publishedOn" = ${publishedOn}::date,
        "imprint" = ${imprintName && imprintName !== (publisher?.name ?? book.publisher.name) ? imprintName : null},
        "publisherId" = coalesce(${publisher?.id ?? null}::int, "publisherId"), "searchText" = ${searchText},
        "updatedAt" = now()
      WHERE "id" = ${bookId}`;
  }
  if (update.supply) {
    const before = await readPriceAndDate(tx, bookId);
    const supplierIds: number[] = [];
    for (const supply of update.supply.supplies) {
      const id = await findSupplier(tx, supply, context, fresh, true);
      if (id === null) throw new RecordRejection('distributeur non identifié (ni GLN, ni nom, ni expéditeur)');
      supplierIds.push(id);
    }
    // The record's hash no longer describes the book: the next full record is applied whole.
    await tx.$executeRaw`
      INSERT INTO "BookSupply" ("bookId", "supplierId", "availabilityCode", "expectedOn", "recordHash", "updatedAt")
      SELECT ${bookId}, s.supplier, s.code, s.expected, '', now()
      FROM unnest(${supplierIds}::int[], ${update.supply.supplies.map((s) => s.availabilityCode)}::text[],
                  ${update.supply.supplies.map((s) => s.expectedOn)}::date[]) AS s(supplier, code, expected)
      ON CONFLICT ("bookId", "supplierId") DO UPDATE SET "availabilityCode" = excluded."availabilityCode",
        "expectedOn" = excluded."expectedOn", "recordHash" = '', "updatedAt" = now()`;
    // The price and the best supply in one write of the row (one front-cache purge).
    const columns = supplyColumns(onHand, await suppliesOf(tx, bookId));
    await tx.$executeRaw`
      UPDATE "Book" SET "publisherPriceCents" = ${update.supply.priceCents},
        "vatRateBasisPoints" = ${update.supply.vatRateBasisPoints},
        "supplierId" = ${columns.supplierId}, "supplierAvailabilityCode" = ${columns.supplierAvailabilityCode},
        "expectedOn" = ${columns.expectedOn}::date, "availability" = ${columns.availability}::"AvailabilityState",
        "updatedAt" = now()
      WHERE "id" = ${bookId}`;
    await queuePreOrderChanges(tx, bookId, before);
  }
  return 'updated';
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
  const onHand = await lockOnHand(tx, book.id);
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
