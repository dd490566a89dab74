import type pg from 'pg';
import { expect } from './shop';

// The e-mails the shop owes, as the worker wrote them to the development outbox (no SMTP_URL in
// the tests): what a customer would have received.

export type Outboxed = { kind: string; status: string; text: string | null; toAddress: string; subject: string | null };

export async function emailsOf(db: pg.Pool, reference: string): Promise<Outboxed[]> {
  const { rows } = await db.query<Outboxed>(
    `SELECT e."kind"::text AS "kind", e."status"::text AS "status", e."text", e."toAddress", e."subject"
       FROM "EmailMessage" e JOIN "Order" o ON o."id" = e."orderId" WHERE o."reference" = $1 ORDER BY e."id"`,
    [reference],
  );
  return rows;
}

/** The e-mail of this kind (and subject, when several share a kind) once the worker sent it to the outbox. */
export async function sentEmail(db: pg.Pool, reference: string, kind: string, subject?: RegExp): Promise<Outboxed> {
  let found: Outboxed | undefined;
  await expect
    .poll(
      async () => {
        found = (await emailsOf(db, reference)).find(
          (e) => e.kind === kind && e.status === 'sent' && (!subject || subject.test(e.subject ?? '')),
        );
        return found !== undefined;
      },
      { timeout: 30_000, message: `the ${kind} e-mail of ${reference} in the outbox` },
    )
    .toBe(true);
  return found!;
}
