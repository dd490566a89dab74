import 'server-only';
import { queuePreOrderChanges, readPriceAndDate } from './pre-order-changes';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { bookSearchText, bookSortTitle } from '@/lib/catalog/book-derived';
import { slugify } from '@/lib/catalog/slug';
import { failure, type Result } from '@/lib/core/result';
import { bookSearchWords } from '@/lib/search/search-words';
import type { BookForm } from '@/lib/validation/catalog-editing';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { lockBookStock } from '@/lib/data/stock/stock-holds';
import { writeBestSupply } from './book-supplies';

// Catalog editing by staff (/admin/catalogue): books written the way the demo seed and the ONIX
// import write them — derived columns from lib/catalog (searchText, sortTitle, the best supply,
// the stored availability), the typo-correction vocabulary (SearchWord) — so a book typed in and
// a book imported are found, listed and sold alike. Locks, as the import: the book's StockLevel
// row first (the buying path's lock), then the Book row. Pages are rendered per request, so a
// new price or stock shows to readers on their next page.

/** Locks, as the import does: the book's stock row (created if missing), then the Book row. */
async function lockBookForEditing(tx: Tx, bookId: number): Promise<{ onHand: number }> {
  const stock = await lockBookStock(tx, [bookId]);
  await tx.$queryRaw`SELECT 1 FROM "Book" WHERE "id" = ${bookId} FOR UPDATE`;
  return { onHand: stock.get(bookId)?.onHand ?? 0 };
}

type Resolved = {
  publisher: { id: number; name: string };
  collection: { id: number; name: string } | null;
  contributors: { id: number; name: string; role: string }[];
};

/** Publisher, collection and people by the names typed; each unknown one is named in the error. */
async function resolveNames(tx: Tx, form: BookForm): Promise<Resolved> {
  const fieldErrors: Record<string, string> = {};
  // By its name as shown in the form, or by the slug of what was typed: a publisher's slug need not
  // be its name's ("puf" for the Presses universitaires de France).
  const publisher = await tx.publisher.findFirst({
    where: {
      OR: [{ name: { equals: form.publisherName, mode: 'insensitive' } }, { slug: slugify(form.publisherName) }],
    },
    orderBy: { id: 'asc' },
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
  // People too by the name the form shows, or by the slug of what was typed: a contributor's slug
  // need not be its name's (two homonyms, an ONIX import's).
  const typed = form.contributors.map((c) => c.name);
  const people = await tx.contributor.findMany({
    where: {
      OR: [{ name: { in: typed, mode: 'insensitive' } }, { slug: { in: typed.map((name) => slugify(name)) } }],
    },
    orderBy: { id: 'asc' },
    select: { id: true, name: true, slug: true },
  });
  const personNamed = (name: string) =>
    people.find((person) => person.name.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr')) ??
    people.find((person) => person.slug === slugify(name));
  const unknown = form.contributors.filter((c) => !personNamed(c.name)).map((c) => `« ${c.name} »`);
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
      const person = personNamed(c.name)!;
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
    schoolbook: form.schoolbook,
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
  await writeBestSupply(tx, bookId, onHand);
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
    const priceAndDate = await readPriceAndDate(tx, found.id);
    await tx.book.update({ where: { id: found.id }, data: bookColumns(input.form, names), select: { id: true } });
    await writeContributors(tx, found.id, names.contributors);
    await writeSupplyAndDerived(tx, found.id, onHand, input.form);
    await queuePreOrderChanges(tx, found.id, priceAndDate);
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

/** The columns the book form shows and writes. */
const FORM_COLUMNS = {
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
  schoolbook: true,
  coverPath: true,
  collectionNumber: true,
  themeId: true,
} satisfies Prisma.BookSelect;

const EDITABLE_SELECT = {
  ...FORM_COLUMNS,
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
      ...FORM_COLUMNS,
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
