import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { failure, type Result } from '@/lib/core/result';
import { isoDay } from '@/lib/availability';
import { newBookRequestReference } from '@/lib/orders/reference';
import { BOOK_REQUEST_ANSWER, type BookRequestInput } from '@/lib/validation/book-requests';
import { enqueueBookRequestEmail } from '@/lib/data/customer-mail/book-request-emails';
import { consumeLimit, emailLimitKey } from '@/lib/data/platform/rate-limits';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';

// The single-copy ordering service (loi n° 81-766 du 10 août 1981, art. 1: a bookshop orders any
// book its publisher supplies, one copy if asked, for free): a reader's request from
// /commander-un-livre, acknowledged by e-mail, answered by a bookseller at /admin/demandes with a
// counter order (counter-orders.ts, which closes the request in its own transaction) or a refusal
// and its reason. Each step and its e-mail are one transaction.

/**
 * Records the request and owes its acknowledgement. The same form posted twice (its key) records
 * one request; a book the catalogue has is sent to its page instead.
 */
export async function submitBookRequest(
  input: BookRequestInput,
  clientAddress: string,
): Promise<Result<{ message: string }>> {
  const limited =
    (await consumeLimit('bookRequestPerClient', clientAddress)) ??
    (await consumeLimit('bookRequestPerEmail', emailLimitKey('demande', input.email)));
  if (limited) return limited;
  return transact(async (tx) => {
    if (input.isbn) {
      const listed = await tx.book.findFirst({ where: { ean: input.isbn, delistedAt: null }, select: { ean: true } });
      if (listed)
        throw new Rejection(failure('IN_CATALOG', 'Ce livre est au catalogue : commandez-le depuis sa fiche.'));
    }
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "BookRequest" ("reference", "ean", "title", "author", "publisher", "quantity", "fullName",
                                 "email", "phone", "message", "submissionKey", "updatedAt")
      VALUES (${newBookRequestReference()}, ${input.isbn}, ${input.title}, ${input.author}, ${input.publisher},
              ${input.quantity}, ${input.fullName}, ${input.email}, ${input.phone}, ${input.message},
              ${input.submission ?? randomUUID()}::uuid, now())
      ON CONFLICT ("submissionKey") DO NOTHING
      RETURNING "id"`;
    const id = inserted[0]?.id;
    // Posted again (a double click, a retry): the first post recorded it and owes its e-mail.
    if (id !== undefined) await enqueueBookRequestEmail(tx, id, { kind: 'book_request_received' });
    return { ok: true as const, message: BOOK_REQUEST_ANSWER };
  });
}

const REQUEST_SELECT = {
  id: true,
  reference: true,
  ean: true,
  title: true,
  author: true,
  publisher: true,
  quantity: true,
  fullName: true,
  email: true,
  phone: true,
  message: true,
  status: true,
  answer: true,
  handledAt: true,
  createdAt: true,
  order: { select: { reference: true } },
  handledBy: { select: { name: true } },
} satisfies Prisma.BookRequestSelect;

export type BookRequestRow = Prisma.BookRequestGetPayload<{ select: typeof REQUEST_SELECT }>;

/** Requests waiting for an answer, oldest first (the first asked is the first answered); then the last answered. */
export async function listBookRequests(): Promise<{ open: BookRequestRow[]; answered: BookRequestRow[] }> {
  const [open, answered] = await Promise.all([
    getDb().bookRequest.findMany({
      where: { status: 'open' },
      orderBy: { id: 'asc' },
      take: 200,
      select: REQUEST_SELECT,
    }),
    getDb().bookRequest.findMany({
      where: { status: { not: 'open' } },
      orderBy: { handledAt: 'desc' },
      take: 30,
      select: REQUEST_SELECT,
    }),
  ]);
  return { open, answered };
}

export async function countOpenBookRequests(): Promise<number> {
  return getDb().bookRequest.count({ where: { status: 'open' } });
}

/** What the counter-order form starts from: the reader's name, address and the book. */
export async function findOpenBookRequest(reference: string) {
  return getDb().bookRequest.findFirst({ where: { reference, status: 'open' }, select: REQUEST_SELECT });
}

/** The request, locked, if it still waits for an answer; a refusal for the other bookseller who answered it first. */
async function lockOpenRequest(tx: Tx, reference: string): Promise<{ id: number }> {
  const rows = await tx.$queryRaw<{ id: number; status: string }[]>`
    SELECT "id", "status"::text AS "status" FROM "BookRequest" WHERE "reference" = ${reference} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Rejection(failure('UNKNOWN_REQUEST', 'Demande inconnue.'));
  if (row.status !== 'open')
    throw new Rejection(failure('ALREADY_ANSWERED', 'Cette demande a déjà reçu une réponse : rechargez la page.'));
  return { id: row.id };
}

/** The book cannot be had: the request closes, and the reader is told why, by e-mail. */
export async function declineBookRequest(
  actor: Actor,
  input: { reference: string; reason: string },
  now = new Date(),
): Promise<Result<{ message: string }>> {
  return transact(async (tx) => {
    const { id } = await lockOpenRequest(tx, input.reference);
    await tx.bookRequest.update({
      where: { id },
      data: { status: 'declined', answer: input.reason, handledById: actor.id, handledAt: now },
      select: { id: true },
    });
    await enqueueBookRequestEmail(tx, id, {
      kind: 'book_request_answered',
      answer: { outcome: 'declined', reason: input.reason },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'book_request.declined',
      after: { request: input.reference, reason: input.reason },
      ip: actor.ip,
    });
    return { ok: true as const, message: `Demande ${input.reference} refusée ; le lecteur est prévenu par courriel.` };
  }, STOCK_DESK_LIMITS);
}

/**
 * Inside the counter order's transaction: the request it answers closes with it, and the reader
 * learns the order's number, price and date by e-mail. A request answered meanwhile refuses the
 * whole order.
 */
export async function answerWithCounterOrder(
  tx: Tx,
  actor: Actor,
  requestReference: string,
  order: {
    id: number;
    reference: string;
    title: string;
    quantity: number;
    totalCents: number;
    payAtPickup: boolean;
    latestOn: Date | null;
  },
  now: Date,
): Promise<void> {
  const { id } = await lockOpenRequest(tx, requestReference);
  await tx.bookRequest.update({
    where: { id },
    data: { status: 'ordered', orderId: order.id, handledById: actor.id, handledAt: now },
    select: { id: true },
  });
  await enqueueBookRequestEmail(tx, id, {
    kind: 'book_request_answered',
    answer: {
      outcome: 'ordered',
      orderReference: order.reference,
      title: order.title,
      quantity: order.quantity,
      totalCents: order.totalCents,
      payAtPickup: order.payAtPickup,
      availableLatestOn: order.latestOn ? isoDay(order.latestOn) : null,
    },
  });
  await recordAudit(tx, {
    staffId: actor.id,
    action: 'book_request.ordered',
    orderId: order.id,
    after: { request: requestReference },
    ip: actor.ip,
  });
}
