// Integration-test helpers: books and carts written straight into the test database.
import { randomInt, randomUUID } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PrismaClient } from '@/lib/prisma-client';
import { bookAvailabilityState, bookSearchText, bookSortTitle } from '@/lib/catalog/book-derived';

let counter = 0;

/** A random valid EAN-13 in a range no demo book uses (978-1…); test files run in parallel processes. */
export function testEan(): string {
  counter += 1;
  const body = `9781${String(randomInt(100_000_000)).padStart(8, '0')}`;
  const sum = [...body].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export async function createTestBook(
  db: PrismaClient,
  options: { onHand: number; withSupplier: boolean; priceCents?: number; title?: string },
): Promise<{ id: number; ean: string }> {
  const publisher = await db.publisher.findFirstOrThrow({ select: { id: true, name: true } });
  const theme = await db.theme.findFirstOrThrow({ select: { id: true } });
  const supplier = options.withSupplier
    ? await db.supplier.findFirstOrThrow({
        where: { name: "L'Harmattan Diffusion" },
        select: { id: true, leadTimeMinDays: true, leadTimeMaxDays: true },
      })
    : null;
  const title = options.title ?? `Livre de test ${counter}`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createBook(db, testEan(), title, publisher, theme.id, supplier, options);
    } catch (error) {
      // Two random EANs met: draw again.
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!duplicate || attempt >= 5) throw error;
    }
  }
}

function createBook(
  db: PrismaClient,
  ean: string,
  title: string,
  publisher: { id: number; name: string },
  themeId: number,
  supplier: { id: number; leadTimeMinDays: number; leadTimeMaxDays: number } | null,
  options: { onHand: number; priceCents?: number },
) {
  return db.book.create({
    data: {
      ean,
      title,
      workType: 'Documents',
      publisherPriceCents: options.priceCents ?? 2000,
      publisherId: publisher.id,
      themeId,
      supplierId: supplier?.id,
      supplierAvailabilityCode: supplier ? '20' : null,
      searchText: bookSearchText({ title, contributorNames: [], publisherName: publisher.name }),
      sortTitle: bookSortTitle(title),
      availability: bookAvailabilityState({
        onHand: options.onHand,
        supplierCode: supplier ? '20' : null,
        supplierLeadTime: supplier ? { minDays: supplier.leadTimeMinDays, maxDays: supplier.leadTimeMaxDays } : null,
        expectedDate: null,
      }),
      stock: { create: { onHand: options.onHand } },
      stockMovements:
        options.onHand > 0 ? { create: { quantity: options.onHand, reason: 'INITIAL_COUNT' } } : undefined,
    },
    select: { id: true, ean: true },
  });
}

/** `count` carts holding `quantity` copies of the book each. */
export async function createCarts(db: PrismaClient, bookId: number, count: number, quantity = 1): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.cart.createMany({ data: ids.map((id) => ({ id })) });
  await db.cartLine.createMany({ data: ids.map((cartId) => ({ cartId, bookId, quantity })) });
  return ids;
}
