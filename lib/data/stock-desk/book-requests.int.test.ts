import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import type { BookRequestInput } from '@/lib/validation/book-requests';
import { createTestBook, testEan } from '@/scripts/test/fixtures/books';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { deliverEmail } from '@/lib/data/customer-mail/email-delivery';
import { declineBookRequest, submitBookRequest } from './book-requests';
import { createCounterOrder } from './counter-orders';

// The single-copy ordering service (loi n° 81-766, art. 1) on a real PostgreSQL: a request is
// recorded once however often its form is posted, acknowledged by e-mail in the same
// transaction, and answered once, by a counter order or a refusal, whoever answers at once.
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

let clients = 0;
/** Each test its own client address and e-mail, so the request limits count only its own posts. */
const client = () => `192.0.2.${(clients += 1)}-${randomUUID().slice(0, 6)}`;

function request(overrides: Partial<BookRequestInput> = {}): BookRequestInput {
  return {
    isbn: testEan(),
    title: 'Traité de droit des obligations',
    author: 'Jean Carbonnier',
    publisher: null,
    quantity: 1,
    fullName: 'Camille Lecteur',
    email: `lecteur.${randomUUID().slice(0, 8)}@exemple.fr`,
    phone: null,
    message: null,
    submission: randomUUID(),
    ...overrides,
  };
}

const requestsOf = (email: string) =>
  db.bookRequest.findMany({ where: { email }, select: { id: true, reference: true, status: true, orderId: true } });
const emailsOf = (requestId: number) =>
  db.emailMessage.findMany({ where: { bookRequestId: requestId }, select: { id: true, kind: true, payload: true } });

describe('a reader’s request for a book the catalogue lacks', () => {
  it('posted five times at once (a double click, retries) is one request and one acknowledgement', async () => {
    const input = request();
    const results = await Promise.all(Array.from({ length: 5 }, () => submitBookRequest(input, client())));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    const [recorded, ...others] = await requestsOf(input.email);
    expect(others).toEqual([]);
    expect(recorded).toMatchObject({ status: 'open', orderId: null });
    const emails = await emailsOf(recorded!.id);
    expect(emails).toMatchObject([
      { kind: 'book_request_received', payload: { request: { reference: recorded!.reference, ean: input.isbn } } },
    ]);
    // The worker sends it like an order's e-mail, without a tracking link: a request is no order.
    expect(await deliverEmail(emails[0]!.id, { final: false })).toBe('sent');
    const sent = await db.emailMessage.findUniqueOrThrow({ where: { id: emails[0]!.id } });
    expect(sent.subject).toBe(`Votre demande de livre ${recorded!.reference}`);
    expect(sent.text).toContain('Livre : Traité de droit des obligations, de Jean Carbonnier');
    expect(sent.text).not.toContain('/suivi/');
  });

  it('names a book by its title and author alone, and two forms are two requests', async () => {
    const email = `lecteur.${randomUUID().slice(0, 8)}@exemple.fr`;
    expect(await submitBookRequest(request({ isbn: null, email }), client())).toMatchObject({ ok: true });
    expect(await submitBookRequest(request({ isbn: null, email }), client())).toMatchObject({ ok: true });
    expect(await requestsOf(email)).toHaveLength(2);
  });

  it('sends a book the catalogue has to its page, and records nothing', async () => {
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    const input = request({ isbn: book.ean });
    expect(await submitBookRequest(input, client())).toMatchObject({ ok: false, code: 'IN_CATALOG' });
    expect(await requestsOf(input.email)).toEqual([]);
  });

  it('slows a client who posts request after request, and writes nothing past the limit', async () => {
    const address = client();
    const results = [];
    for (let i = 0; i < 12; i += 1) results.push(await submitBookRequest(request(), address));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.at(-1)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});

describe('the bookseller’s answer', () => {
  it('a refusal, posted by five booksellers at once: one answer, one e-mail with its reason', async () => {
    const staff = await createTestStaff(db);
    const input = request();
    await submitBookRequest(input, client());
    const [recorded] = await requestsOf(input.email);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        declineBookRequest(
          { id: staff.id, ip: null },
          { reference: recorded!.reference, reason: 'Épuisé chez l’éditeur.' },
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toMatchObject(
      Array.from({ length: 4 }, () => ({ code: 'ALREADY_ANSWERED' })),
    );
    expect((await requestsOf(input.email))[0]).toMatchObject({ status: 'declined' });
    const answers = (await emailsOf(recorded!.id)).filter((email) => email.kind === 'book_request_answered');
    expect(answers).toMatchObject([{ payload: { answer: { outcome: 'declined', reason: 'Épuisé chez l’éditeur.' } } }]);
  });

  it('a counter order closes the request in its transaction; a second one for it is refused and writes nothing', async () => {
    const staff = await createTestStaff(db);
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, priceCents: 4200 });
    const input = request({ isbn: null, quantity: 2 });
    await submitBookRequest(input, client());
    const [recorded] = await requestsOf(input.email);
    const form = {
      ean: book.ean,
      quantity: 2,
      fullName: 'Camille Lecteur',
      email: input.email,
      phone: null,
      payment: 'at_pickup' as const,
      note: null,
      request: recorded!.reference,
    };
    const [first, second] = await Promise.all([
      createCounterOrder({ id: staff.id, ip: null }, form),
      createCounterOrder({ id: staff.id, ip: null }, form),
    ]);
    const made = [first, second].filter((result) => result.ok);
    expect(made).toHaveLength(1);
    expect([first, second].find((result) => !result.ok)).toMatchObject({ code: 'ALREADY_ANSWERED' });
    expect(await db.order.count({ where: { email: input.email } })).toBe(1);
    const order = await db.order.findFirstOrThrow({
      where: { email: input.email },
      select: { id: true, reference: true },
    });
    expect((await requestsOf(input.email))[0]).toMatchObject({ status: 'ordered', orderId: order.id });
    const answers = (await emailsOf(recorded!.id)).filter((email) => email.kind === 'book_request_answered');
    expect(answers).toMatchObject([
      {
        payload: {
          answer: {
            outcome: 'ordered',
            orderReference: order.reference,
            quantity: 2,
            totalCents: 8400,
            payAtPickup: true,
          },
        },
      },
    ]);
  });
});
