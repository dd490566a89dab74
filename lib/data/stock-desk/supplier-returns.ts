import 'server-only';
import { getDb } from '@/lib/db';
import { availableCopies } from '@/lib/orders/allocation';
import { returnState } from '@/lib/stock/return-window';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import { lockStock } from '@/lib/data/stock/stock-holds';
import { bookMovements } from '@/lib/data/stock/stock-ledger';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact } from '@/lib/data/platform/transactions';

// Returns to distributors (/admin/retours): office copies still within their distributor's
// window go back for a credit note, the expected amount being what they cost (the delivery
// line's purchase price). Validating books SUPPLIER_RETURN movements. Locks, in this order:
// the delivery lines (ascending), then the books' stock rows (ascending).

export type ReturnableLine = {
  deliveryLineId: number;
  deliveryId: number;
  noteNumber: string;
  receivedAt: Date;
  ean: string;
  title: string;
  /** Office copies of this line not yet returned. */
  remaining: number;
  /** Copies of the book free on the shelf now: no more than that can leave. */
  available: number;
  unitCostExclVatCents: number;
  returnableUntil: Date;
};

export type ReturnableBySupplier = {
  supplier: { id: number; name: string; gln: string | null; returnNeedsAuthorization: boolean };
  lines: ReturnableLine[];
};

/** Office copies within their window, per distributor, oldest delivery first. */
export async function listReturnableCopies(now = new Date()): Promise<ReturnableBySupplier[]> {
  const rows = await getDb().deliveryLine.findMany({
    where: { terms: 'on_approval', returnedQuantity: { lt: getDb().deliveryLine.fields.quantity } },
    orderBy: [{ delivery: { receivedAt: 'asc' } }, { id: 'asc' }],
    take: 2000,
    select: {
      id: true,
      quantity: true,
      returnedQuantity: true,
      unitCostExclVatCents: true,
      delivery: {
        select: {
          id: true,
          noteNumber: true,
          receivedAt: true,
          supplier: {
            select: {
              id: true,
              name: true,
              gln: true,
              returnNeedsAuthorization: true,
              returnOpensAfterDays: true,
              returnClosesAfterDays: true,
            },
          },
        },
      },
      book: { select: { ean: true, title: true, stock: { select: { onHand: true, held: true } } } },
    },
  });
  const bySupplier = new Map<number, ReturnableBySupplier>();
  for (const row of rows) {
    const { supplier } = row.delivery;
    const state = returnState(
      { terms: 'on_approval', receivedAt: row.delivery.receivedAt },
      { opensAfterDays: supplier.returnOpensAfterDays, closesAfterDays: supplier.returnClosesAfterDays },
      now,
    );
    if (state.state !== 'returnable') continue;
    const group = bySupplier.get(supplier.id) ?? {
      supplier: {
        id: supplier.id,
        name: supplier.name,
        gln: supplier.gln,
        returnNeedsAuthorization: supplier.returnNeedsAuthorization,
      },
      lines: [],
    };
    group.lines.push({
      deliveryLineId: row.id,
      deliveryId: row.delivery.id,
      noteNumber: row.delivery.noteNumber,
      receivedAt: row.delivery.receivedAt,
      ean: row.book.ean,
      title: row.book.title,
      remaining: row.quantity - row.returnedQuantity,
      available: availableCopies(row.book.stock),
      unitCostExclVatCents: row.unitCostExclVatCents,
      returnableUntil: state.until,
    });
    bySupplier.set(supplier.id, group);
  }
  return [...bySupplier.values()].sort((a, b) => a.supplier.name.localeCompare(b.supplier.name));
}

export type ReturnInput = {
  supplierId: number;
  authorizationNumber: string | null;
  lines: { deliveryLineId: number; quantity: number }[];
};

export async function recordSupplierReturn(
  actor: Actor,
  input: ReturnInput,
  now = new Date(),
): Promise<Result<{ supplierReturnId: number; copies: number; expectedCreditCents: number }>> {
  return transact(async (tx) => {
    const supplier = await tx.supplier.findUnique({
      where: { id: input.supplierId },
      select: {
        id: true,
        name: true,
        returnNeedsAuthorization: true,
        returnOpensAfterDays: true,
        returnClosesAfterDays: true,
      },
    });
    if (!supplier) throw new Rejection(failure('UNKNOWN_SUPPLIER', 'Distributeur inconnu.'));
    if (supplier.returnNeedsAuthorization && !input.authorizationNumber)
      throw new Rejection(
        failure('AUTHORIZATION_REQUIRED', `${supplier.name} demande un numéro d’accord de retour : indiquez-le.`, {
          fieldErrors: { authorizationNumber: 'Indiquez le numéro d’accord de retour.' },
        }),
      );
    const wanted = input.lines.filter((line) => line.quantity > 0);
    if (wanted.length === 0)
      throw new Rejection(failure('EMPTY_RETURN', 'Indiquez au moins un exemplaire à retourner.'));

    const ids = [...new Set(wanted.map((line) => line.deliveryLineId))].sort((a, b) => a - b);
    // Two returns of the same copies at once: the second waits here, then sees them returned.
    const lines = await tx.$queryRaw<
      {
        id: number;
        bookId: number;
        quantity: number;
        returnedQuantity: number;
        terms: string;
        unitCostExclVatCents: number;
        supplierId: number;
        receivedAt: Date;
        title: string;
      }[]
    >`
      SELECT l."id", l."bookId", l."quantity", l."returnedQuantity", l."terms"::text AS "terms", l."unitCostExclVatCents",
             d."supplierId", d."receivedAt", b."title"
      FROM "DeliveryLine" l JOIN "Delivery" d ON d."id" = l."deliveryId" JOIN "Book" b ON b."id" = l."bookId"
      WHERE l."id" = ANY(${ids}::int[])
      ORDER BY l."id"
      FOR UPDATE OF l`;
    const byId = new Map(lines.map((line) => [line.id, line]));
    const plan = wanted.map((request) => {
      const line = byId.get(request.deliveryLineId);
      if (!line || line.supplierId !== supplier.id)
        throw new Rejection(
          failure('UNKNOWN_LINE', 'Une ligne de réception ne correspond pas à ce distributeur : rechargez la page.'),
        );
      const state = returnState(
        { terms: line.terms === 'on_approval' ? 'on_approval' : 'firm', receivedAt: line.receivedAt },
        { opensAfterDays: supplier.returnOpensAfterDays, closesAfterDays: supplier.returnClosesAfterDays },
        now,
      );
      if (state.state !== 'returnable')
        throw new Rejection(
          failure(
            'NOT_RETURNABLE',
            `« ${line.title} » : ces exemplaires ne sont pas retournables (ferme ou hors délai de retour).`,
          ),
        );
      const remaining = line.quantity - line.returnedQuantity;
      if (request.quantity > remaining)
        throw new Rejection(
          failure(
            'ALREADY_RETURNED',
            `« ${line.title} » : ${remaining} exemplaire${remaining > 1 ? 's' : ''} de cette réception reste${remaining > 1 ? 'nt' : ''} à retourner, pas ${request.quantity}.`,
          ),
        );
      return { line, quantity: request.quantity, creditCents: request.quantity * line.unitCostExclVatCents };
    });

    await lockStock(
      tx,
      plan.map((p) => p.line.bookId),
    );
    const expectedCreditCents = plan.reduce((sum, p) => sum + p.creditCents, 0);
    const created = await tx.supplierReturn.create({
      data: {
        supplierId: supplier.id,
        authorizationNumber: input.authorizationNumber,
        expectedCreditCents,
        createdById: actor.id,
        lines: {
          create: plan.map((p) => ({
            deliveryLineId: p.line.id,
            bookId: p.line.bookId,
            quantity: p.quantity,
            creditCents: p.creditCents,
          })),
        },
      },
      select: { id: true },
    });
    for (const p of plan) {
      await tx.deliveryLine.update({ where: { id: p.line.id }, data: { returnedQuantity: { increment: p.quantity } } });
    }
    // Refused (and everything rolled back) if a copy to return is not free on the shelf.
    await bookMovements(
      tx,
      plan.map((p) => ({
        bookId: p.line.bookId,
        quantity: -p.quantity,
        reason: 'SUPPLIER_RETURN',
        reference: `${supplier.name}${input.authorizationNumber ? ` — accord ${input.authorizationNumber}` : ''}`,
        supplierReturnId: created.id,
        staffId: actor.id,
      })),
    );
    const copies = plan.reduce((sum, p) => sum + p.quantity, 0);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.supplier_return',
      after: {
        supplierReturnId: created.id,
        supplier: supplier.name,
        authorizationNumber: input.authorizationNumber,
        copies,
        expectedCreditCents,
      },
      ip: actor.ip,
    });
    return { ok: true as const, supplierReturnId: created.id, copies, expectedCreditCents };
  }, STOCK_DESK_LIMITS);
}

export async function listSupplierReturns(take = 50) {
  const rows = await getDb().supplierReturn.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      createdAt: true,
      authorizationNumber: true,
      expectedCreditCents: true,
      supplier: { select: { name: true } },
      createdBy: { select: { name: true } },
      lines: { select: { quantity: true } },
    },
  });
  return rows.map((row) => ({ ...row, copies: row.lines.reduce((sum, line) => sum + line.quantity, 0) }));
}

export async function getSupplierReturn(id: number) {
  return getDb().supplierReturn.findUnique({
    where: { id },
    select: {
      id: true,
      createdAt: true,
      authorizationNumber: true,
      expectedCreditCents: true,
      supplier: { select: { name: true, gln: true } },
      createdBy: { select: { name: true } },
      lines: {
        orderBy: { id: 'asc' },
        select: {
          quantity: true,
          creditCents: true,
          book: { select: { ean: true, title: true } },
          deliveryLine: { select: { delivery: { select: { id: true, noteNumber: true, receivedAt: true } } } },
        },
      },
    },
  });
}
