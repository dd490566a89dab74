import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { BookFormSchema } from '@/lib/validation/catalog-editing';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { testEan } from '@/scripts/test/fixtures/books';
import type { Actor } from '@/lib/data/staff/staff';
import { createBook, getBookForEditing, updateBook } from './book-editing';
import { saveCollection, saveContributor, savePublisher, saveSupplier, saveTheme } from './taxonomy-editing';

// The catalog desk on a real PostgreSQL: books typed in are written as the import writes them
// (search text, best supply, stored availability), names are renamed everywhere they are read,
// and every save is audited.
let db: PrismaClient;
let actor: Actor;
const unique = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.60' };
});
afterAll(() => db.$disconnect());

const ok = <T extends { ok: boolean }>(result: T) => {
  expect(result).toMatchObject({ ok: true });
  return result as Extract<T, { ok: true }>;
};

let made = 0;

/** A publisher, an author and a theme of their own for one test. */
async function newNames() {
  const tag = `${unique}-${(made += 1)}`;
  const names = { publisherName: `Éditions Essai ${tag}`, author: `Anne Essai ${tag}`, themeName: `Thème ${tag}` };
  const publisher = ok(await savePublisher(actor, { name: names.publisherName }));
  const contributor = ok(await saveContributor(actor, { name: names.author, sortName: names.author, biography: null }));
  const theme = ok(await saveTheme(actor, { name: names.themeName, clilCode: null, themaCode: null }));
  return { publisher, contributor, theme, ...names, themeId: theme.id };
}

function bookForm(names: { publisherName: string; author: string; themeId: number; supplierId?: number }) {
  return BookFormSchema.parse({
    title: 'Le droit des contrats expliqué',
    subtitle: '',
    description: '',
    pageCount: '320',
    publishedOn: '2006-09-15',
    productForm: 'BC',
    workType: 'Essai',
    languageCode: 'fre',
    publisherPriceCents: '24,50',
    vatRateBasisPoints: '550',
    publisherName: names.publisherName,
    collectionName: '',
    collectionNumber: '',
    themeId: String(names.themeId),
    contributors: [{ name: names.author, role: 'A01' }],
    supplierId: names.supplierId === undefined ? '' : String(names.supplierId),
    supplierAvailabilityCode: names.supplierId === undefined ? '' : '20',
    expectedOn: '',
  });
}

describe('books typed in', () => {
  it('are written with their search text, best supply and availability, and audited', async () => {
    const names = await newNames();
    const supplier = await db.supplier.findFirstOrThrow({ where: { name: "L'Harmattan Diffusion" } });
    const ean = testEan();
    const form = bookForm({ ...names, supplierId: supplier.id });
    ok(await createBook(actor, ean, form));
    const book = await db.book.findUniqueOrThrow({
      where: { ean },
      select: { searchText: true, supplierId: true, availability: true, publisherPriceCents: true, stock: true },
    });
    expect(book).toMatchObject({ supplierId: supplier.id, availability: 'to_order', publisherPriceCents: 2450 });
    expect(book.searchText).toContain('droit des contrats');
    expect(book.stock?.onHand).toBe(0);
    expect(
      await db.auditEntry.count({ where: { action: 'catalog.book_created', after: { path: ['ean'], equals: ean } } }),
    ).toBe(1);
    // The same EAN again is refused, nothing written.
    expect(await createBook(actor, ean, form)).toMatchObject({ ok: false, code: 'BOOK_EXISTS' });
  });

  it('names every unknown publisher or person at once, and writes nothing', async () => {
    const { theme } = await newNames();
    const ean = testEan();
    const refused = await createBook(
      actor,
      ean,
      bookForm({ publisherName: 'Éditeur Inexistant', author: 'Personne Inconnue', themeId: theme.id }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(refused.ok ? {} : refused.fieldErrors).toMatchObject({
      publisherName: expect.stringContaining('Éditeur Inexistant'),
      contributors: expect.stringContaining('Personne Inconnue'),
    });
    expect(await db.book.count({ where: { ean } })).toBe(0);
  });

  it('finds a publisher and a person by the name the form shows, whatever their slugs', async () => {
    const names = await newNames();
    // As the ONIX import or a homonym may leave them: slugs that are not their names' slugs.
    await db.publisher.update({ where: { id: names.publisher.id }, data: { slug: `pub-${unique}-${made}` } });
    await db.contributor.update({ where: { id: names.contributor.id }, data: { slug: `anne-${unique}-${made}-2` } });
    const ean = testEan();
    ok(await createBook(actor, ean, bookForm(names)));
    const shown = (await getBookForEditing(ean))!;
    ok(await updateBook(actor, { ean, fingerprint: shown.fingerprint, form: { ...bookForm(names), title: 'Revu' } }));
    const book = await db.book.findUniqueOrThrow({
      where: { ean },
      select: { title: true, publisherId: true, contributors: { select: { contributorId: true } } },
    });
    expect(book).toMatchObject({ title: 'Revu', publisherId: names.publisher.id });
    expect(book.contributors).toEqual([{ contributorId: names.contributor.id }]);
  });

  it('an edit over a colleague’s is refused: the form’s fingerprint no longer matches', async () => {
    const ean = testEan();
    const form = bookForm(await newNames());
    ok(await createBook(actor, ean, form));
    const shown = (await getBookForEditing(ean))!;
    ok(await updateBook(actor, { ean, fingerprint: shown.fingerprint, form: { ...form, title: 'Première version' } }));
    expect(
      await updateBook(actor, { ean, fingerprint: shown.fingerprint, form: { ...form, title: 'Seconde version' } }),
    ).toMatchObject({ ok: false, code: 'BOOK_CHANGED' });
    expect((await db.book.findUniqueOrThrow({ where: { ean } })).title).toBe('Première version');
  });
});

describe('the catalog’s names', () => {
  it('a renamed author gets a new page address, and the books’ search text follows', async () => {
    const names = await newNames();
    const ean = testEan();
    ok(await createBook(actor, ean, bookForm(names)));
    const { contributor } = names;
    const renamed = `Annette Renommée ${unique}`;
    ok(await saveContributor(actor, { id: contributor.id, name: renamed, sortName: renamed, biography: 'Juriste.' }));
    const person = await db.contributor.findUniqueOrThrow({ where: { id: contributor.id } });
    expect(person.slug).toMatch(/^annette-renommee-/);
    expect((await db.book.findUniqueOrThrow({ where: { ean } })).searchText).toContain('annette renommee');
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'catalog.contributor_saved', after: { path: ['id'], equals: contributor.id } },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ name: names.author });
    expect(audit.after).toMatchObject({ name: renamed });
  });

  it('refuses a second publisher of the same name, a twin collection, a theme twice at one place', async () => {
    const { publisher, publisherName, themeName } = await newNames();
    expect(await savePublisher(actor, { name: publisherName })).toMatchObject({
      ok: false,
      code: 'NAME_TAKEN',
      fieldErrors: { name: 'Ce nom est déjà pris.' },
    });
    ok(await saveCollection(actor, { name: 'Droit vivant', publisherId: publisher.id }));
    expect(await saveCollection(actor, { name: 'DROIT VIVANT', publisherId: publisher.id })).toMatchObject({
      ok: false,
      code: 'NAME_TAKEN',
    });
    expect(await saveTheme(actor, { name: themeName, clilCode: null, themaCode: null })).toMatchObject({
      ok: false,
      code: 'NAME_TAKEN',
    });
    expect(await saveCollection(actor, { id: 999_999_999, name: 'Fantôme', publisherId: publisher.id })).toMatchObject({
      ok: false,
      code: 'UNKNOWN',
      message: 'Collection inconnue.',
    });
  });

  it('a distributor’s new lead time ranks the books it shares with another one again', async () => {
    const names = await newNames();
    const slow = ok(
      await saveSupplier(actor, {
        name: `Lent ${unique}`,
        gln: null,
        leadTimeMinDays: 10,
        leadTimeMaxDays: 20,
        defaultDiscount: null,
        returnOpensAfterDays: 90,
        returnClosesAfterDays: 365,
        returnNeedsAuthorization: false,
      }),
    );
    const other = await db.supplier.findFirstOrThrow({ where: { name: "L'Harmattan Diffusion" } });
    const ean = testEan();
    ok(await createBook(actor, ean, bookForm({ ...names, supplierId: other.id })));
    const shown = (await getBookForEditing(ean))!;
    ok(
      await updateBook(actor, {
        ean,
        fingerprint: shown.fingerprint,
        form: bookForm({ ...names, supplierId: slow.id }),
      }),
    );
    expect((await db.book.findUniqueOrThrow({ where: { ean } })).supplierId).toBe(other.id);
    ok(
      await saveSupplier(actor, {
        id: slow.id,
        name: `Lent ${unique}`,
        gln: null,
        leadTimeMinDays: 1,
        leadTimeMaxDays: 1,
        defaultDiscount: null,
        returnOpensAfterDays: 90,
        returnClosesAfterDays: 365,
        returnNeedsAuthorization: false,
      }),
    );
    expect((await db.book.findUniqueOrThrow({ where: { ean } })).supplierId).toBe(slow.id);
  });
});
