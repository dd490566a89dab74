import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import type { AnnouncedDelivery } from '@/lib/edi/despatch-advice';
import type { SupplyTermsCode } from '@/lib/edi/eancom-mapping';
import { purchaseOrderNumber } from '@/lib/stock/purchase-order-number';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { findSentPurchaseOrderByNumber, type ReceivingPrefill } from './purchase-orders';

// A distributor's despatch advice (EANCOM DESADV or CSV, read by lib/edi) turned into what the
// receiving screen pre-fills: the books from the catalog, the distributor found by its GLN, the
// sent purchase order it answers. Reads only: nothing is booked until staff validate the
// reception (receiving.ts), so a file read twice, or read and abandoned, changes nothing.

export type AnnouncedBook = {
  ean: string;
  title: string;
  authors: string;
  quantity: number;
  terms: SupplyTermsCode | null;
  awaitedByCustomers: number;
};

export type ReceptionFromDespatch = {
  supplierId: number | null;
  noteNumber: string | null;
  purchaseOrder: ReceivingPrefill | null;
  lines: AnnouncedBook[];
  /** What staff should know before checking the parcel (an order number not recognised…). */
  notices: string[];
};

/** `openedFor`: the purchase order the screen was opened for, taken when the file names none. */
export async function prepareReceptionFromDespatch(
  announced: AnnouncedDelivery,
  openedFor: number | null = null,
): Promise<Result<{ reception: ReceptionFromDespatch }>> {
  const db = getDb();
  const books = await db.book.findMany({
    where: { ean: { in: announced.lines.map((line) => line.ean) } },
    select: {
      id: true,
      ean: true,
      title: true,
      contributors: { orderBy: { position: 'asc' }, take: 3, select: { contributor: { select: { name: true } } } },
    },
  });
  const byEan = new Map(books.map((book) => [book.ean, book]));
  const unknown = announced.lines.filter((line) => !byEan.has(line.ean));
  if (unknown.length > 0) {
    const [first] = unknown;
    return failure(
      'UNKNOWN_BOOK',
      `${first!.source} : EAN ${first!.ean} inconnu du catalogue${
        unknown.length > 1
          ? ` (et ${unknown.length - 1} autre${unknown.length > 2 ? 's' : ''} : ${unknown
              .slice(1, 6)
              .map((line) => line.ean)
              .join(', ')})`
          : ''
      }. Créez ${unknown.length > 1 ? 'ces livres' : 'ce livre'} au catalogue, puis lisez l’avis à nouveau : rien n’a été enregistré.`,
    );
  }

  const shop = await readShopSettings(db);
  if (announced.buyerGln && shop.gln && announced.buyerGln !== shop.gln)
    return failure(
      'OTHER_BUYER',
      `Cet avis d’expédition est adressé au GLN ${announced.buyerGln}, pas à la librairie (GLN ${shop.gln}) : rien n’a été enregistré.`,
    );

  const notices: string[] = [];
  let supplierId: number | null = null;
  if (announced.supplierGln) {
    const supplier = await db.supplier.findUnique({ where: { gln: announced.supplierGln }, select: { id: true } });
    if (supplier) supplierId = supplier.id;
    else notices.push(`Aucun distributeur n’a le GLN ${announced.supplierGln} : choisissez le distributeur.`);
  }
  const orderNumber = announced.orderNumber ?? (openedFor === null ? null : purchaseOrderNumber(openedFor));
  let purchaseOrder: ReceivingPrefill | null = null;
  if (orderNumber) {
    purchaseOrder = await findSentPurchaseOrderByNumber(orderNumber, supplierId);
    if (purchaseOrder) supplierId = purchaseOrder.supplierId;
    else
      notices.push(
        `La commande ${orderNumber} n’est pas une commande envoyée à ce distributeur : réception sans commande.`,
      );
  }

  const awaited = await db.$queryRaw<{ bookId: number; copies: number }[]>`
    SELECT l."bookId", SUM(l."backorderQuantity" - l."receivedQuantity" - l."cancelledBackorderQuantity")::int AS "copies"
    FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
    WHERE o."status" = 'paid' AND l."bookId" = ANY(${books.map((book) => book.id)}::int[])
    GROUP BY l."bookId"`;
  const awaitedByBook = new Map(awaited.map((row) => [row.bookId, Math.max(row.copies, 0)]));
  return {
    ok: true,
    reception: {
      supplierId,
      noteNumber: announced.despatchNumber,
      purchaseOrder,
      notices,
      lines: announced.lines.map((line) => {
        const book = byEan.get(line.ean)!;
        return {
          ean: line.ean,
          title: book.title,
          authors: book.contributors.map((link) => link.contributor.name).join(', '),
          quantity: line.quantity,
          terms: line.terms,
          awaitedByCustomers: awaitedByBook.get(book.id) ?? 0,
        };
      }),
    },
  };
}
