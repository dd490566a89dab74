import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { bookSearchText, bookSortTitle } from '@/lib/catalog/book-derived';
import type { SupplyFacts } from '@/lib/catalog/book-supply';
import { supplyColumns } from '@/lib/catalog/derived-columns';
import { slugify } from '@/lib/catalog/slug';
import { bookSearchWords } from '@/lib/search/search-words';
import { failure, type Result } from '@/lib/core/result';
import type { BookForm } from '@/lib/validation/catalog-editing';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';

// Catalog editing by staff (/admin/catalogue): books written the way the demo seed and the ONIX
// import write them — derived columns from lib/catalog (searchText, sortTitle, the best supply,
// the stored availability), the typo-correction vocabulary (SearchWord) — so a book typed in and
// a book imported are found, listed and sold alike. Locks, as the import: the book's StockLevel
// row first (the buying path's lock), then the Book row. Pages are rendered per request, so a
// new price or stock shows to readers on their next page.

async function lockBookForEditing(tx: Tx, bookId: number): Promise<{ onHand: number }> {
  await tx.$executeRaw`
    INSERT INTO "StockLevel" ("bookId", "onHand", "held", "updatedAt") VALUES (${bookId}, 0, 0, now())
    ON CONFLICT ("bookId") DO NOTHING`;
  const [stock] = await tx.$queryRaw<{ onHand: number }[]>`
    SELECT "onHand" FROM "StockLevel" WHERE "bookId" = ${bookId} FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "Book" WHERE "id" = ${bookId} FOR UPDATE`;
  return { onHand: stock?.onHand ?? 0 };
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

type Resolved = {
  publisher: { id: number; name: string };
  collection: { id: number; name: string } | null;
  contributors: { id: number; name: string; role: string }[];
};

/** Publisher, collection and people by the names typed; each unknown one is named in the error. */
async function resolveNames(tx: Tx, form: BookForm): Promise<Resolved> {
  const fieldErrors: Record<string, string> = {};
  const publisher = await tx.publisher.findUnique({
    where: { slug: slugify(form.publisherName) },
    select: { id: true, name: true },
  });
  if (!publisher)
    fieldErrors.publisherName = `Éditeur inconnu « ${form.publisherName} » : créez-le d’abord (Catalogue › Éditeurs).`;
  const collection =
    publisher && form.collectionName
      ? await tx.collection.findFirst({
          where: { publisherId: publisher.id, name: { equals: form.collectionName, mode: 'insensitive' } },
          select: { id: true, name: true },
        })
      : null;
  if (publisher && form.collectionName && !collection)
    fieldErrors.collectionName = `Collection inconnue chez ${publisher.name} : « ${form.collectionName} ».`;
  const people = await tx.contributor.findMany({
    where: { slug: { in: form.contributors.map((c) => slugify(c.name)) } },
    select: { id: true, name: true, slug: true },
  });
  const bySlug = new Map(people.map((person) => [person.slug, person]));
  const unknown = form.contributors.filter((c) => !bySlug.has(slugify(c.name))).map((c) => `« ${c.name} »`);
  if (unknown.length > 0)
    fieldErrors.contributors = `Contributeur${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${unknown.join(', ')}. Créez-le${unknown.length > 1 ? 's' : ''} d’abord (Catalogue › Auteurs).`;
  if (!(await tx.theme.findUnique({ where: { id: form.themeId }, select: { id: true } })))
    fieldErrors.themeId = 'Thème inconnu.';
  if (
    form.supplierId !== undefined &&
    !(await tx.supplier.findUnique({ where: { id: form.supplierId }, select: { id: true } }))
  )
    fieldErrors.supplierId = 'Distributeur inconnu.';
  if (Object.keys(fieldErrors).length > 0 || !publisher)
    throw new Rejection(failure('INVALID_INPUT', [...new Set(Object.values(fieldErrors))].join(' '), { fieldErrors }));
  return {
    publisher,
    collection,
    contributors: form.contributors.map((c) => {
      const person = bySlug.get(slugify(c.name))!;
      return { id: person.id, name: person.name, role: c.role };
    }),
  };
}

function bookColumns(form: BookForm, names: Resolved) {
  return {
    title: form.title,
    subtitle: form.subtitle,
    description: form.description,
    pageCount: form.pageCount,
    publishedOn: form.publishedOn,
    productForm: form.productForm,
    workType: form.workType,
    languageCode: form.languageCode,
    publisherPriceCents: form.publisherPriceCents,
    vatRateBasisPoints: form.vatRateBasisPoints,
    featured: form.featured,
    publisherId: names.publisher.id,
    collectionId: names.collection?.id ?? null,
    collectionNumber: form.collectionNumber,
    themeId: form.themeId,
    searchText: bookSearchText({
      title: form.title,
      subtitle: form.subtitle,
      contributorNames: names.contributors.map((c) => c.name),
      publisherName: names.publisher.name,
      collectionName: names.collection?.name ?? null,
    }),
    sortTitle: bookSortTitle(form.title),
  };
}

/** The supply staff typed (their distributor's availability), then the book's best supply again. */
async function writeSupplyAndDerived(tx: Tx, bookId: number, onHand: number, form: BookForm) {
  if (form.supplierId !== undefined && form.supplierAvailabilityCode !== undefined) {
    await tx.bookSupply.upsert({
      where: { bookId_supplierId: { bookId, supplierId: form.supplierId } },
      create: {
        bookId,
        supplierId: form.supplierId,
        availabilityCode: form.supplierAvailabilityCode,
        expectedOn: form.expectedOn,
      },
      update: { availabilityCode: form.supplierAvailabilityCode, expectedOn: form.expectedOn },
    });
  }
  await tx.book.update({
    where: { id: bookId },
    data: supplyColumns(onHand, await suppliesOf(tx, bookId)),
    select: { id: true },
  });
}

async function writeContributors(tx: Tx, bookId: number, contributors: Resolved['contributors']) {
  await tx.bookContributor.deleteMany({ where: { bookId } });
  if (contributors.length > 0)
    await tx.bookContributor.createMany({
      data: contributors.map((c, position) => ({ bookId, contributorId: c.id, role: c.role, position })),
      skipDuplicates: true,
    });
}

async function addSearchWords(tx: Tx, form: BookForm, names: Resolved) {
  const words = bookSearchWords({
    title: form.title,
    subtitle: form.subtitle,
    contributorNames: names.contributors.map((c) => c.name),
  });
  if (words.length > 0)
    await tx.$executeRaw`
      INSERT INTO "SearchWord" ("word", "bookCount") SELECT unnest(${words}::text[]), 1 ON CONFLICT ("word") DO NOTHING`;
}

export async function createBook(actor: Actor, ean: string, form: BookForm): Promise<Result<{ ean: string }>> {
  return transact(async (tx) => {
    if (await tx.book.findUnique({ where: { ean }, select: { id: true } }))
      throw new Rejection(
        failure('BOOK_EXISTS', `Le livre ${ean} existe déjà : modifiez-le.`, {
          fieldErrors: { ean: 'Ce livre existe déjà.' },
        }),
      );
    const names = await resolveNames(tx, form);
    // A provisional availability; writeSupplyAndDerived computes the real one with the supplies.
    const created = await tx.book.create({
      data: { ean, ...bookColumns(form, names), availability: 'unavailable', stock: { create: { onHand: 0 } } },
      select: { id: true },
    });
    await lockBookForEditing(tx, created.id);
    await writeContributors(tx, created.id, names.contributors);
    await writeSupplyAndDerived(tx, created.id, 0, form);
    await addSearchWords(tx, form, names);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.book_created',
      after: { ean, title: form.title, publisherPriceCents: form.publisherPriceCents },
      ip: actor.ip,
    });
    return { ok: true as const, ean };
  }, STOCK_DESK_LIMITS);
}

/**
 * What the edit form showed, hashed: a book edited by a colleague or a feed since the form was
 * opened is not overwritten. Not updatedAt, which every sale moves (the stored availability).
 */
function editFingerprint(book: NonNullable<Awaited<ReturnType<typeof readEditable>>>): string {
  return createHash('sha256').update(JSON.stringify(book)).digest('hex');
}

async function readEditable(db: Tx | ReturnType<typeof getDb>, where: Prisma.BookWhereUniqueInput) {
  return db.book.findUnique({ where, select: EDITABLE_SELECT });
}

export async function updateBook(
  actor: Actor,
  input: { ean: string; fingerprint: string; form: BookForm },
): Promise<Result<{ ean: string }>> {
  return transact(async (tx) => {
    const found = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true } });
    if (!found) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu.'));
    const { onHand } = await lockBookForEditing(tx, found.id);
    const before = (await readEditable(tx, { id: found.id }))!;
    if (editFingerprint(before) !== input.fingerprint)
      throw new Rejection(
        failure(
          'BOOK_CHANGED',
          'Le livre a été modifié entre-temps (par un collègue ou un flux ONIX) : rechargez la page, rien n’a été enregistré.',
        ),
      );
    const names = await resolveNames(tx, input.form);
    await tx.book.update({ where: { id: found.id }, data: bookColumns(input.form, names), select: { id: true } });
    await writeContributors(tx, found.id, names.contributors);
    await writeSupplyAndDerived(tx, found.id, onHand, input.form);
    await addSearchWords(tx, input.form, names);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.book_updated',
      before: {
        ean: input.ean,
        title: before.title,
        publisherPriceCents: before.publisherPriceCents,
        supplies: before.supplies.map((supply) => `${supply.supplierId}:${supply.availabilityCode}`),
      },
      after: {
        ean: input.ean,
        title: input.form.title,
        publisherPriceCents: input.form.publisherPriceCents,
        supply: input.form.supplierId ? `${input.form.supplierId}:${input.form.supplierAvailabilityCode}` : null,
      },
      ip: actor.ip,
    });
    return { ok: true as const, ean: input.ean };
  }, STOCK_DESK_LIMITS);
}

export async function setBookCover(
  actor: Actor,
  input: { ean: string; coverPath: string },
): Promise<Result<{ coverPath: string }>> {
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true, coverPath: true } });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu.'));
    await tx.book.update({ where: { id: book.id }, data: { coverPath: input.coverPath }, select: { id: true } });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.cover_uploaded',
      before: { ean: input.ean, coverPath: book.coverPath },
      after: { ean: input.ean, coverPath: input.coverPath },
      ip: actor.ip,
    });
    return { ok: true as const, coverPath: input.coverPath };
  }, STOCK_DESK_LIMITS);
}

const EDITABLE_SELECT = {
  ean: true,
  title: true,
  subtitle: true,
  description: true,
  pageCount: true,
  publishedOn: true,
  productForm: true,
  workType: true,
  languageCode: true,
  publisherPriceCents: true,
  vatRateBasisPoints: true,
  featured: true,
  coverPath: true,
  collectionNumber: true,
  themeId: true,
  publisherId: true,
  collectionId: true,
  contributors: { orderBy: { position: 'asc' }, select: { role: true, contributorId: true } },
  supplies: { orderBy: { supplierId: 'asc' }, select: { supplierId: true, availabilityCode: true, expectedOn: true } },
} satisfies Prisma.BookSelect;

export async function getBookForEditing(ean: string) {
  const editable = await readEditable(getDb(), { ean });
  if (!editable) return null;
  const book = await getDb().book.findUnique({
    where: { ean },
    select: {
      ean: true,
      title: true,
      subtitle: true,
      description: true,
      pageCount: true,
      publishedOn: true,
      productForm: true,
      workType: true,
      languageCode: true,
      publisherPriceCents: true,
      vatRateBasisPoints: true,
      featured: true,
      coverPath: true,
      collectionNumber: true,
      themeId: true,
      supplierId: true,
      supplierAvailabilityCode: true,
      expectedOn: true,
      availability: true,
      delistedAt: true,
      updatedAt: true,
      publisher: { select: { name: true } },
      collection: { select: { name: true } },
      contributors: { orderBy: { position: 'asc' }, select: { role: true, contributor: { select: { name: true } } } },
      supplies: {
        orderBy: { supplierId: 'asc' },
        select: { availabilityCode: true, expectedOn: true, supplier: { select: { id: true, name: true } } },
      },
    },
  });
  if (!book) return null;
  const own = book.supplies.find((supply) => supply.supplier.id === book.supplierId);
  return { ...book, supplyExpectedOn: own?.expectedOn ?? book.expectedOn, fingerprint: editFingerprint(editable) };
}

export type BookForEditing = NonNullable<Awaited<ReturnType<typeof getBookForEditing>>>;

export const CATALOG_PAGE_SIZE = 50;

function searchCondition(q: string | undefined, column: Prisma.Sql): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const words = q
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 6);
  if (words.length === 0) return Prisma.sql`TRUE`;
  return Prisma.join(
    words.map((word) => Prisma.sql`lower(unaccent(${column})) LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`),
    ' AND ',
  );
}

/** Books by EAN or words of the title and names, for the catalog's editing list. */
export async function searchBooksForEditing(q: string | undefined, page: number) {
  const digits = (q ?? '').replace(/[\s-]/g, '');
  const where = /^\d{13}$/.test(digits)
    ? Prisma.sql`b."ean" = ${digits}`
    : q
      ? Prisma.join(
          q
            .normalize('NFD')
            .replace(/\p{M}+/gu, '')
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean)
            .slice(0, 6)
            .map((word) => Prisma.sql`b."searchText" LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`),
          ' AND ',
        )
      : Prisma.sql`TRUE`;
  return getDb().$queryRaw<
    { ean: string; title: string; publisherName: string; priceCents: number; delisted: boolean }[]
  >`
    SELECT b."ean", b."title", p."name" AS "publisherName", b."publisherPriceCents" AS "priceCents", b."delistedAt" IS NOT NULL AS "delisted"
    FROM "Book" b JOIN "Publisher" p ON p."id" = b."publisherId"
    WHERE ${where}
    ORDER BY b."updatedAt" DESC, b."id" DESC
    LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

// Contributors, publishers, collections, themes, distributors.

/** Books whose derived searchText names this person, publisher or collection: written again after a rename. */
async function refreshSearchText(tx: Tx, bookIds: number[]) {
  for (let start = 0; start < bookIds.length; start += 500) {
    const books = await tx.book.findMany({
      where: { id: { in: bookIds.slice(start, start + 500) } },
      select: {
        id: true,
        title: true,
        subtitle: true,
        publisher: { select: { name: true } },
        collection: { select: { name: true } },
        contributors: { orderBy: { position: 'asc' }, select: { contributor: { select: { name: true } } } },
      },
    });
    for (const book of books) {
      await tx.book.update({
        where: { id: book.id },
        data: {
          searchText: bookSearchText({
            title: book.title,
            subtitle: book.subtitle,
            contributorNames: book.contributors.map((c) => c.contributor.name),
            publisherName: book.publisher.name,
            collectionName: book.collection?.name ?? null,
          }),
        },
        select: { id: true },
      });
    }
  }
}

/** A new slug for a new name, made unique with a number when the name is taken by someone else. */
async function freeSlug(taken: (slug: string) => Promise<boolean>, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; n < 100; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(slug))) return slug;
  }
  throw new Rejection(failure('NAME_TAKEN', 'Ce nom est déjà pris trop de fois : précisez-le.'));
}

const SLOW_RENAME = { ...STOCK_DESK_LIMITS, timeoutMs: 120_000 };

export async function saveContributor(
  actor: Actor,
  input: { id?: number; name: string; sortName: string; biography: string | null },
): Promise<Result<{ id: number }>> {
  return transact(async (tx) => {
    const existing = input.id
      ? await tx.contributor.findUnique({ where: { id: input.id }, select: { id: true, name: true, slug: true } })
      : null;
    if (input.id && !existing) throw new Rejection(failure('UNKNOWN', 'Auteur inconnu.'));
    const sameName = existing && existing.name === input.name;
    const slug = sameName
      ? existing.slug
      : await freeSlug(async (candidate) => {
          const row = await tx.contributor.findUnique({ where: { slug: candidate }, select: { id: true } });
          return row !== null && row.id !== existing?.id;
        }, input.name);
    const data = { name: input.name, sortName: input.sortName, biography: input.biography, slug };
    const saved = existing
      ? await tx.contributor.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.contributor.create({ data, select: { id: true } });
    if (existing && !sameName) {
      const links = await tx.bookContributor.findMany({
        where: { contributorId: existing.id },
        select: { bookId: true },
      });
      await refreshSearchText(tx, [...new Set(links.map((l) => l.bookId))]);
    }
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.contributor_saved',
      before: existing ? { id: existing.id, name: existing.name } : undefined,
      after: { id: saved.id, name: input.name },
      ip: actor.ip,
    });
    return { ok: true as const, id: saved.id };
  }, SLOW_RENAME);
}

export async function savePublisher(
  actor: Actor,
  input: { id?: number; name: string },
): Promise<Result<{ id: number }>> {
  return transact(async (tx) => {
    const existing = input.id
      ? await tx.publisher.findUnique({ where: { id: input.id }, select: { id: true, name: true, slug: true } })
      : null;
    if (input.id && !existing) throw new Rejection(failure('UNKNOWN', 'Éditeur inconnu.'));
    // Books find their publisher by the slug of its name (the import, the book form): one per name.
    const slug = slugify(input.name);
    const clash = await tx.publisher.findUnique({ where: { slug }, select: { id: true } });
    if (clash && clash.id !== existing?.id)
      throw new Rejection(
        failure('NAME_TAKEN', `Un éditeur porte déjà ce nom.`, { fieldErrors: { name: 'Ce nom est déjà pris.' } }),
      );
    const saved = existing
      ? await tx.publisher.update({
          where: { id: existing.id },
          data: { name: input.name, slug },
          select: { id: true },
        })
      : await tx.publisher.create({ data: { name: input.name, slug }, select: { id: true } });
    if (existing && existing.name !== input.name) {
      const books = await tx.book.findMany({ where: { publisherId: existing.id }, select: { id: true } });
      await refreshSearchText(
        tx,
        books.map((b) => b.id),
      );
    }
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.publisher_saved',
      before: existing ? { id: existing.id, name: existing.name } : undefined,
      after: { id: saved.id, name: input.name },
      ip: actor.ip,
    });
    return { ok: true as const, id: saved.id };
  }, SLOW_RENAME);
}

export async function saveCollection(
  actor: Actor,
  input: { id?: number; name: string; publisherId: number },
): Promise<Result<{ id: number }>> {
  return transact(async (tx) => {
    const existing = input.id
      ? await tx.collection.findUnique({
          where: { id: input.id },
          select: { id: true, name: true, slug: true, publisherId: true },
        })
      : null;
    if (input.id && !existing) throw new Rejection(failure('UNKNOWN', 'Collection inconnue.'));
    const publisher = await tx.publisher.findUnique({ where: { id: input.publisherId }, select: { slug: true } });
    if (!publisher)
      throw new Rejection(failure('UNKNOWN', 'Éditeur inconnu.', { fieldErrors: { publisherId: 'Éditeur inconnu.' } }));
    const twin = await tx.collection.findFirst({
      where: {
        publisherId: input.publisherId,
        name: { equals: input.name, mode: 'insensitive' },
        id: { not: existing?.id ?? 0 },
      },
      select: { id: true },
    });
    if (twin)
      throw new Rejection(
        failure('NAME_TAKEN', 'Cet éditeur a déjà une collection de ce nom.', {
          fieldErrors: { name: 'Ce nom est déjà pris.' },
        }),
      );
    const slug =
      existing && existing.name === input.name
        ? existing.slug
        : await freeSlug(async (candidate) => {
            const row = await tx.collection.findUnique({ where: { slug: candidate }, select: { id: true } });
            return row !== null && row.id !== existing?.id;
          }, input.name);
    const data = { name: input.name, slug, publisherId: input.publisherId };
    const saved = existing
      ? await tx.collection.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.collection.create({ data, select: { id: true } });
    if (existing && existing.name !== input.name) {
      const books = await tx.book.findMany({ where: { collectionId: existing.id }, select: { id: true } });
      await refreshSearchText(
        tx,
        books.map((b) => b.id),
      );
    }
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.collection_saved',
      before: existing ? { id: existing.id, name: existing.name } : undefined,
      after: { id: saved.id, name: input.name },
      ip: actor.ip,
    });
    return { ok: true as const, id: saved.id };
  }, SLOW_RENAME);
}

/**
 * A theme's name and codes change freely; its place (parent, slug, hence its URL and its
 * children's) is set when it is created.
 */
export async function saveTheme(
  actor: Actor,
  input: { id?: number; name: string; parentId?: number; clilCode: string | null; themaCode: string | null },
): Promise<Result<{ id: number }>> {
  return transact(async (tx) => {
    if (input.id) {
      const existing = await tx.theme.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
      if (!existing) throw new Rejection(failure('UNKNOWN', 'Thème inconnu.'));
      await tx.theme.update({
        where: { id: existing.id },
        data: { name: input.name, clilCode: input.clilCode, themaCode: input.themaCode },
        select: { id: true },
      });
      await recordAudit(tx, {
        staffId: actor.id,
        action: 'catalog.theme_saved',
        before: { id: existing.id, name: existing.name },
        after: { id: existing.id, name: input.name },
        ip: actor.ip,
      });
      return { ok: true as const, id: existing.id };
    }
    const parent = input.parentId
      ? await tx.theme.findUnique({ where: { id: input.parentId }, select: { id: true, path: true, depth: true } })
      : null;
    if (input.parentId && !parent) throw new Rejection(failure('UNKNOWN', 'Thème parent inconnu.'));
    const slug = slugify(input.name);
    const path = parent ? `${parent.path}/${slug}` : slug;
    if (await tx.theme.findUnique({ where: { path }, select: { id: true } }))
      throw new Rejection(
        failure('NAME_TAKEN', 'Ce thème existe déjà à cet endroit.', {
          fieldErrors: { name: 'Ce thème existe déjà.' },
        }),
      );
    const position = await tx.theme.count({ where: { parentId: parent?.id ?? null } });
    const created = await tx.theme.create({
      data: {
        name: input.name,
        slug,
        path,
        depth: (parent?.depth ?? 0) + 1,
        position,
        parentId: parent?.id ?? null,
        clilCode: input.clilCode,
        themaCode: input.themaCode,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.theme_saved',
      after: { id: created.id, name: input.name, path },
      ip: actor.ip,
    });
    return { ok: true as const, id: created.id };
  }, STOCK_DESK_LIMITS);
}

export type SupplierInput = {
  id?: number;
  name: string;
  gln: string | null;
  leadTimeMinDays: number;
  leadTimeMaxDays: number;
  defaultDiscount: number | null;
  returnOpensAfterDays: number;
  returnClosesAfterDays: number;
  returnNeedsAuthorization: boolean;
};

/**
 * A distributor's terms. Its lead time ranks its supplies against other distributors' (the best
 * supply, lib/catalog/book-supply.ts): books it shares with another distributor get their best
 * supply computed again.
 */
export async function saveSupplier(actor: Actor, input: SupplierInput): Promise<Result<{ id: number }>> {
  return transact(async (tx) => {
    const existing = input.id
      ? await tx.supplier.findUnique({
          where: { id: input.id },
          select: { id: true, name: true, leadTimeMinDays: true, leadTimeMaxDays: true },
        })
      : null;
    if (input.id && !existing) throw new Rejection(failure('UNKNOWN', 'Distributeur inconnu.'));
    const nameClash = await tx.supplier.findUnique({ where: { name: input.name }, select: { id: true } });
    if (nameClash && nameClash.id !== existing?.id)
      throw new Rejection(
        failure('NAME_TAKEN', 'Un distributeur porte déjà ce nom.', { fieldErrors: { name: 'Ce nom est déjà pris.' } }),
      );
    if (input.gln) {
      const glnClash = await tx.supplier.findUnique({ where: { gln: input.gln }, select: { id: true, name: true } });
      if (glnClash && glnClash.id !== existing?.id)
        throw new Rejection(
          failure('GLN_TAKEN', `Ce GLN est celui de ${glnClash.name}.`, { fieldErrors: { gln: 'GLN déjà attribué.' } }),
        );
    }
    const data = {
      name: input.name,
      gln: input.gln,
      leadTimeMinDays: input.leadTimeMinDays,
      leadTimeMaxDays: input.leadTimeMaxDays,
      defaultDiscountBasisPoints: input.defaultDiscount,
      returnOpensAfterDays: input.returnOpensAfterDays,
      returnClosesAfterDays: input.returnClosesAfterDays,
      returnNeedsAuthorization: input.returnNeedsAuthorization,
    };
    const saved = existing
      ? await tx.supplier.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.supplier.create({ data, select: { id: true } });
    if (
      existing &&
      (existing.leadTimeMinDays !== input.leadTimeMinDays || existing.leadTimeMaxDays !== input.leadTimeMaxDays)
    ) {
      const shared = await tx.$queryRaw<{ bookId: number }[]>`
        SELECT s."bookId" FROM "BookSupply" s WHERE s."supplierId" = ${existing.id}
          AND EXISTS (SELECT 1 FROM "BookSupply" o WHERE o."bookId" = s."bookId" AND o."supplierId" <> s."supplierId")
        ORDER BY s."bookId"`;
      for (const { bookId } of shared) {
        const { onHand } = await lockBookForEditing(tx, bookId);
        await tx.book.update({
          where: { id: bookId },
          data: supplyColumns(onHand, await suppliesOf(tx, bookId)),
          select: { id: true },
        });
      }
    }
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.supplier_saved',
      before: existing ? { id: existing.id, name: existing.name } : undefined,
      after: { id: saved.id, name: input.name, gln: input.gln },
      ip: actor.ip,
    });
    return { ok: true as const, id: saved.id };
  }, SLOW_RENAME);
}

export async function listContributors(q: string | undefined, page: number) {
  return getDb().$queryRaw<{ id: number; name: string; sortName: string; biography: string | null; books: number }[]>`
    SELECT c."id", c."name", c."sortName", c."biography",
           (SELECT count(*)::int FROM "BookContributor" bc WHERE bc."contributorId" = c."id") AS "books"
    FROM "Contributor" c WHERE ${searchCondition(q, Prisma.sql`c."name"`)}
    ORDER BY c."sortName", c."id" LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

export async function listPublishers(q: string | undefined, page: number) {
  return getDb().$queryRaw<{ id: number; name: string; books: number }[]>`
    SELECT p."id", p."name", (SELECT count(*)::int FROM "Book" b WHERE b."publisherId" = p."id") AS "books"
    FROM "Publisher" p WHERE ${searchCondition(q, Prisma.sql`p."name"`)}
    ORDER BY p."name", p."id" LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

export async function listCollections(q: string | undefined, page: number) {
  return getDb().$queryRaw<{ id: number; name: string; publisherId: number; publisherName: string }[]>`
    SELECT c."id", c."name", c."publisherId", p."name" AS "publisherName"
    FROM "Collection" c JOIN "Publisher" p ON p."id" = c."publisherId"
    WHERE ${searchCondition(q, Prisma.sql`(c."name" || ' ' || p."name")`)}
    ORDER BY c."name", c."id" LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

/** Publishers for a drop-down where one must be chosen (a collection's): by name, at most 500. */
export async function listPublisherOptions() {
  return getDb().publisher.findMany({ orderBy: { name: 'asc' }, take: 500, select: { id: true, name: true } });
}

export async function listSuppliersForEditing() {
  return getDb().supplier.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      gln: true,
      leadTimeMinDays: true,
      leadTimeMaxDays: true,
      defaultDiscountBasisPoints: true,
      returnOpensAfterDays: true,
      returnClosesAfterDays: true,
      returnNeedsAuthorization: true,
    },
  });
}

export async function listThemesForEditing() {
  return getDb().theme.findMany({
    orderBy: [{ path: 'asc' }],
    select: { id: true, name: true, path: true, depth: true, clilCode: true, themaCode: true },
  });
}
