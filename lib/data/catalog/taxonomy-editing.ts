import 'server-only';
import { bookSearchText } from '@/lib/catalog/book-derived';
import { slugify } from '@/lib/catalog/slug';
import { failure, type Result } from '@/lib/core/result';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import type { AuditAction } from '@/lib/audit/actions';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { lockBookStock } from '@/lib/data/stock/stock-holds';
import { writeBestSupply } from './book-supplies';

// The catalog's names (/admin/catalogue): contributors, publishers, collections, themes and
// distributors. A rename writes the derived search text of every book that carries the name.

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

/** A rename rewrites the search text of every book carrying the name: up to two minutes. */
const SLOW_RENAME = { ...STOCK_DESK_LIMITS, timeoutMs: 120_000 };

function nameTaken(message: string, field = 'name'): Rejection {
  return new Rejection(failure('NAME_TAKEN', message, { fieldErrors: { [field]: 'Ce nom est déjà pris.' } }));
}

type Named = { id: number; name: string };

/**
 * The one shape of every save of the catalog's names, in one transaction: find the entry being
 * edited (none for a new one), write it, record who did it with the name before and after.
 */
async function saveEntry<Existing extends Named>(
  actor: Actor,
  entry: {
    id: number | undefined;
    unknown: string;
    action: AuditAction;
    find: (tx: Tx, id: number) => Promise<Existing | null>;
    write: (tx: Tx, existing: Existing | null) => Promise<{ id: number; after?: Record<string, unknown> }>;
  },
  limits = SLOW_RENAME,
): Promise<Result<{ id: number }>> {
  return transact(async (tx) => {
    const existing = entry.id === undefined ? null : await entry.find(tx, entry.id);
    if (entry.id !== undefined && !existing) throw new Rejection(failure('UNKNOWN', entry.unknown));
    const saved = await entry.write(tx, existing);
    await recordAudit(tx, {
      staffId: actor.id,
      action: entry.action,
      before: existing ? { id: existing.id, name: existing.name } : undefined,
      after: { id: saved.id, ...saved.after },
      ip: actor.ip,
    });
    return { ok: true as const, id: saved.id };
  }, limits);
}

/** The entry's slug: kept while its name is, else a free one for the new name. */
async function slugFor(
  existing: (Named & { slug: string }) | null,
  name: string,
  ownerOf: (slug: string) => Promise<{ id: number } | null>,
): Promise<string> {
  if (existing && existing.name === name) return existing.slug;
  return freeSlug(async (candidate) => {
    const owner = await ownerOf(candidate);
    return owner !== null && owner.id !== existing?.id;
  }, name);
}

export function saveContributor(
  actor: Actor,
  input: { id?: number; name: string; sortName: string; biography: string | null },
): Promise<Result<{ id: number }>> {
  return saveEntry(actor, {
    id: input.id,
    unknown: 'Auteur inconnu.',
    action: 'catalog.contributor_saved',
    find: (tx, id) => tx.contributor.findUnique({ where: { id }, select: { id: true, name: true, slug: true } }),
    write: async (tx, existing) => {
      const slug = await slugFor(existing, input.name, (candidate) =>
        tx.contributor.findUnique({ where: { slug: candidate }, select: { id: true } }),
      );
      const data = { name: input.name, sortName: input.sortName, biography: input.biography, slug };
      const saved = existing
        ? await tx.contributor.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.contributor.create({ data, select: { id: true } });
      if (existing && existing.name !== input.name) {
        const links = await tx.bookContributor.findMany({
          where: { contributorId: existing.id },
          select: { bookId: true },
        });
        await refreshSearchText(tx, [...new Set(links.map((link) => link.bookId))]);
      }
      return { id: saved.id, after: { name: input.name } };
    },
  });
}

export function savePublisher(actor: Actor, input: { id?: number; name: string }): Promise<Result<{ id: number }>> {
  return saveEntry(actor, {
    id: input.id,
    unknown: 'Éditeur inconnu.',
    action: 'catalog.publisher_saved',
    find: (tx, id) => tx.publisher.findUnique({ where: { id }, select: { id: true, name: true, slug: true } }),
    write: async (tx, existing) => {
      // Books find their publisher by the slug of its name (the import, the book form): one per name.
      const slug = slugify(input.name);
      const clash = await tx.publisher.findUnique({ where: { slug }, select: { id: true } });
      if (clash && clash.id !== existing?.id) throw nameTaken('Un éditeur porte déjà ce nom.');
      const data = { name: input.name, slug };
      const saved = existing
        ? await tx.publisher.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.publisher.create({ data, select: { id: true } });
      if (existing && existing.name !== input.name) {
        const books = await tx.book.findMany({ where: { publisherId: existing.id }, select: { id: true } });
        await refreshSearchText(
          tx,
          books.map((book) => book.id),
        );
      }
      return { id: saved.id, after: { name: input.name } };
    },
  });
}

export function saveCollection(
  actor: Actor,
  input: { id?: number; name: string; publisherId: number },
): Promise<Result<{ id: number }>> {
  return saveEntry(actor, {
    id: input.id,
    unknown: 'Collection inconnue.',
    action: 'catalog.collection_saved',
    find: (tx, id) => tx.collection.findUnique({ where: { id }, select: { id: true, name: true, slug: true } }),
    write: async (tx, existing) => {
      const publisher = await tx.publisher.findUnique({ where: { id: input.publisherId }, select: { id: true } });
      if (!publisher)
        throw new Rejection(
          failure('UNKNOWN', 'Éditeur inconnu.', { fieldErrors: { publisherId: 'Éditeur inconnu.' } }),
        );
      const twin = await tx.collection.findFirst({
        where: {
          publisherId: input.publisherId,
          name: { equals: input.name, mode: 'insensitive' },
          id: { not: existing?.id ?? 0 },
        },
        select: { id: true },
      });
      if (twin) throw nameTaken('Cet éditeur a déjà une collection de ce nom.');
      const slug = await slugFor(existing, input.name, (candidate) =>
        tx.collection.findUnique({ where: { slug: candidate }, select: { id: true } }),
      );
      const data = { name: input.name, slug, publisherId: input.publisherId };
      const saved = existing
        ? await tx.collection.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.collection.create({ data, select: { id: true } });
      if (existing && existing.name !== input.name) {
        const books = await tx.book.findMany({ where: { collectionId: existing.id }, select: { id: true } });
        await refreshSearchText(
          tx,
          books.map((book) => book.id),
        );
      }
      return { id: saved.id, after: { name: input.name } };
    },
  });
}

/**
 * A theme's name and codes change freely; its place (parent, slug, hence its URL and its
 * children's) is set when it is created.
 */
export function saveTheme(
  actor: Actor,
  input: { id?: number; name: string; parentId?: number; clilCode: string | null; themaCode: string | null },
): Promise<Result<{ id: number }>> {
  return saveEntry(
    actor,
    {
      id: input.id,
      unknown: 'Thème inconnu.',
      action: 'catalog.theme_saved',
      find: (tx, id) => tx.theme.findUnique({ where: { id }, select: { id: true, name: true } }),
      write: async (tx, existing) => {
        const codes = { clilCode: input.clilCode, themaCode: input.themaCode };
        if (existing) {
          await tx.theme.update({
            where: { id: existing.id },
            data: { name: input.name, ...codes },
            select: { id: true },
          });
          return { id: existing.id, after: { name: input.name } };
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
            ...codes,
          },
          select: { id: true },
        });
        return { id: created.id, after: { name: input.name, path } };
      },
    },
    STOCK_DESK_LIMITS,
  );
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
export function saveSupplier(actor: Actor, input: SupplierInput): Promise<Result<{ id: number }>> {
  return saveEntry(actor, {
    id: input.id,
    unknown: 'Distributeur inconnu.',
    action: 'catalog.supplier_saved',
    find: (tx, id) =>
      tx.supplier.findUnique({
        where: { id },
        select: { id: true, name: true, leadTimeMinDays: true, leadTimeMaxDays: true },
      }),
    write: async (tx, existing) => {
      const nameClash = await tx.supplier.findUnique({ where: { name: input.name }, select: { id: true } });
      if (nameClash && nameClash.id !== existing?.id) throw nameTaken('Un distributeur porte déjà ce nom.');
      if (input.gln) {
        const glnClash = await tx.supplier.findUnique({ where: { gln: input.gln }, select: { id: true, name: true } });
        if (glnClash && glnClash.id !== existing?.id)
          throw new Rejection(
            failure('GLN_TAKEN', `Ce GLN est celui de ${glnClash.name}.`, {
              fieldErrors: { gln: 'GLN déjà attribué.' },
            }),
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
          const stock = await lockBookStock(tx, [bookId]);
          await writeBestSupply(tx, bookId, stock.get(bookId)?.onHand ?? 0);
        }
      }
      return { id: saved.id, after: { name: input.name, gln: input.gln } };
    },
  });
}
