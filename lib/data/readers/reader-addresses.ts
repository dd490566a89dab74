import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import { Prisma } from '@/lib/generated/prisma/client';
import { addressKey, savedAddressOf, type SavedAddressFields } from '@/lib/reader-accounts/saved-address';
import type { Tx } from '@/lib/data/platform/transactions';

// A reader's saved delivery addresses (/compte/adresses, and "Utiliser cette adresse" at
// /commande). Every read and write names the reader: an address id of someone else finds
// nothing, the same as an unknown one.

export type ReaderAddress = SavedAddressFields & { id: number };

const SELECT = {
  id: true,
  fullName: true,
  phone: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
} as const;

const UNKNOWN = failure('UNKNOWN_ADDRESS', 'Cette adresse n’existe pas, ou a déjà été supprimée.');
const DUPLICATE = failure('DUPLICATE_ADDRESS', 'Cette adresse est déjà enregistrée dans votre compte.');

export async function listReaderAddresses(readerId: number): Promise<ReaderAddress[]> {
  return getDb().readerAddress.findMany({ where: { readerId }, orderBy: { id: 'asc' }, select: SELECT });
}

/** The reader's own address, or null (unknown, or another reader's: the same answer). */
export async function getReaderAddress(readerId: number, addressId: number): Promise<ReaderAddress | null> {
  return getDb().readerAddress.findFirst({ where: { id: addressId, readerId }, select: SELECT });
}

/** Kept when a signed-in reader orders with an address the account does not have yet. */
export async function saveReaderAddress(readerId: number, fields: SavedAddressFields): Promise<void> {
  await getDb().readerAddress.createMany({
    data: [{ readerId, ...fields, addressKey: addressKey(fields) }],
    skipDuplicates: true,
  });
}

export async function updateReaderAddress(
  readerId: number,
  addressId: number,
  fields: SavedAddressFields,
): Promise<Result> {
  try {
    const updated = await getDb().readerAddress.updateMany({
      where: { id: addressId, readerId },
      data: { ...fields, addressKey: addressKey(fields) },
    });
    return updated.count === 1 ? { ok: true } : UNKNOWN;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return DUPLICATE;
    throw error;
  }
}

export async function deleteReaderAddress(readerId: number, addressId: number): Promise<Result> {
  const deleted = await getDb().readerAddress.deleteMany({ where: { id: addressId, readerId } });
  return deleted.count === 1 ? { ok: true } : UNKNOWN;
}

/** At the account's creation: the distinct delivery addresses of the paid orders of its e-mail. */
export async function importOrderAddresses(tx: Tx, readerId: number, email: string): Promise<number> {
  const orders = await tx.$queryRaw<
    {
      fullName: string;
      phone: string;
      addressLine1: string | null;
      addressLine2: string | null;
      postalCode: string | null;
      city: string | null;
    }[]
  >`
    SELECT "fullName", "phone", "addressLine1", "addressLine2", "postalCode", "city" FROM "Order"
    WHERE lower("email") = ${email} AND "paidAt" IS NOT NULL AND "deliveryMethod" = 'home_delivery'
      AND "anonymisedAt" IS NULL AND "organisationId" IS NULL
    ORDER BY "paidAt" DESC`;
  const addresses = orders.flatMap((order) => {
    const fields = savedAddressOf(order);
    return fields ? [{ readerId, ...fields, addressKey: addressKey(fields) }] : [];
  });
  if (addresses.length === 0) return 0;
  const created = await tx.readerAddress.createMany({ data: addresses, skipDuplicates: true });
  return created.count;
}
