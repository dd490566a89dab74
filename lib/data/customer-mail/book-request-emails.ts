import 'server-only';
import type { EmailBookRequest, EmailPayload, StoredEmailPayload } from '@/lib/email/payload';
import { emailVersion } from '@/lib/email/kinds';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { shopIdentityOf } from '@/lib/shop/shop-identity';
import { sendJob } from '@/lib/data/platform/job-queue';
import type { Tx } from '@/lib/data/platform/transactions';
import { readShopSettings } from '@/lib/data/staff/shop-settings';

// The e-mails of a reader's request for a book the catalogue lacks, owed in the transaction that
// records the request or its answer, like an order's (order-emails.ts): one outbox row per kind
// and request (version 0), its pg-boss job, the seller's identity as it is now.

export type BookRequestEmailEvent =
  | { kind: 'book_request_received' }
  | { kind: 'book_request_answered'; answer: Extract<EmailPayload, { kind: 'book_request_answered' }>['answer'] };

export async function enqueueBookRequestEmail(
  tx: Tx,
  requestId: number,
  event: BookRequestEmailEvent,
): Promise<number | null> {
  const row = await tx.bookRequest.findUniqueOrThrow({ where: { id: requestId } });
  const request: EmailBookRequest = {
    reference: row.reference,
    fullName: row.fullName,
    requestedAt: row.createdAt.toISOString(),
    ean: row.ean,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    quantity: row.quantity,
    message: row.message,
  };
  const payload: EmailPayload =
    event.kind === 'book_request_received'
      ? { kind: event.kind, request }
      : { kind: event.kind, request, answer: event.answer };
  const stored: StoredEmailPayload = { ...payload, shop: shopIdentityOf(await readShopSettings(tx)) };
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "EmailMessage" ("kind", "bookRequestId", "version", "toAddress", "payload", "updatedAt")
    VALUES (${event.kind}::"EmailKind", ${requestId}, ${emailVersion({ kind: event.kind })}, ${row.email},
            ${JSON.stringify(stored)}::jsonb, now())
    ON CONFLICT ("kind", "bookRequestId", "version") DO NOTHING
    RETURNING "id"`;
  const id = inserted[0]?.id;
  if (id === undefined) return null;
  await sendJob(QUEUE_NAMES.email, { emailId: id }, tx);
  return id;
}
