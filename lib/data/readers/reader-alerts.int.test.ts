import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';
import { requestAvailabilityAlert } from '@/lib/data/customer-mail/availability-alerts';
import { cancelReaderAlert, listReaderAlerts, requestReaderAlert } from './reader-alerts';

// A signed-in reader's alerts on a real PostgreSQL: confirmed without an e-mail, listed with the
// ones the same address asked as a guest, cancelled only by their reader, gone with the account.

const db = openTestDatabase();
const client = () => `client-${randomUUID()}`;

async function newReader() {
  return db.reader.create({
    data: { email: `alerte.${randomUUID().slice(0, 8)}@exemple.fr` },
    select: { id: true, email: true },
  });
}

describe('a signed-in reader’s alert', () => {
  it('is confirmed at once, owes no confirmation e-mail, and is listed with the address’s other alerts', async () => {
    const reader = await newReader();
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const asGuest = await createTestBook(db, { onHand: 0, withSupplier: true });

    expect(await requestReaderAlert(reader, book.ean, client())).toMatchObject({ ok: true });
    expect(await requestAvailabilityAlert({ ean: asGuest.ean, email: reader.email }, client())).toMatchObject({
      ok: true,
    });

    const alerts = await listReaderAlerts(reader);
    expect(alerts.map((alert) => [alert.book.ean, alert.status])).toEqual([
      [asGuest.ean, 'pending'],
      [book.ean, 'confirmed'],
    ]);
    const mine = await db.availabilityAlert.findFirstOrThrow({
      where: { bookId: book.id },
      select: { id: true, readerId: true },
    });
    expect(mine.readerId).toBe(reader.id);
    expect(await db.emailMessage.count({ where: { availabilityAlertId: mine.id } })).toBe(0);
  });

  it('is refused on a book in stock, and cancelled by its reader only', async () => {
    const reader = await newReader();
    const other = await newReader();
    const inStock = await createTestBook(db, { onHand: 2, withSupplier: true });
    expect(await requestReaderAlert(reader, inStock.ean, client())).toMatchObject({ code: 'NOT_ALERTABLE' });

    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    await requestReaderAlert(reader, book.ean, client());
    const [alert] = await listReaderAlerts(reader);
    expect(await cancelReaderAlert(other, alert!.id)).toMatchObject({ code: 'UNKNOWN_ALERT' });
    expect(await listReaderAlerts(reader)).toHaveLength(1);
    expect(await cancelReaderAlert(reader, alert!.id)).toEqual({ ok: true });
    expect(await listReaderAlerts(reader)).toEqual([]);
  });

  it('goes with the account', async () => {
    const reader = await newReader();
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    await requestReaderAlert(reader, book.ean, client());
    await db.reader.delete({ where: { id: reader.id } });
    expect(await db.availabilityAlert.count({ where: { bookId: book.id } })).toBe(0);
  });
});
