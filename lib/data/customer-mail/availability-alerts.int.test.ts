import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '@/lib/isbn/check-digit';
import { formatPrice } from '@/lib/core/money';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';
import { startWorker, type WorkerProcess } from '@/scripts/test/worker-process';
import { importOnixFile } from '@/lib/data/catalog/onix-import';
import { enforceRetention } from '@/lib/data/privacy/retention';
import { erasePersonalData, exportPersonalData } from '@/lib/data/privacy/subject-requests';
import { receiveDelivery } from '@/lib/data/stock-desk/receiving';
import type { Actor } from '@/lib/data/staff/staff';
import {
  cancelAvailabilityAlert,
  confirmAvailabilityAlert,
  createConfirmedAlert,
  getAlertByToken,
  requestAvailabilityAlert,
} from './availability-alerts';

// Availability alerts on a real PostgreSQL, with two worker processes (scripts/worker.ts) draining
// side by side: whatever writes Book.availability (a delivery received at the desk, an ONIX
// update), each confirmed alert gets exactly one e-mail and is closed.

const db = openTestDatabase();
const workers: WorkerProcess[] = [];
let actor: Actor;
let supplierId: number;

beforeAll(async () => {
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.30' };
  supplierId = (await db.supplier.findFirstOrThrow({ where: { name: "L'Harmattan Diffusion" }, select: { id: true } }))
    .id;
  workers.push(startWorker({}), startWorker({}));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
});

// Generous: the outbox sends a few e-mails a second, and this file queues 200 at once.
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for: ${what}\n${workers.map((w) => w.output.join('').slice(-3000)).join('\n---\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const run = `${process.pid}-${Date.now()}`;
const address = (n: number | string) => `lecteur-${n}-${run}@exemple.fr`;

async function emailsOfAlerts(alertIds: number[]) {
  return db.emailMessage.findMany({
    where: { availabilityAlertId: { in: alertIds } },
    orderBy: { id: 'asc' },
    select: { kind: true, status: true, toAddress: true, availabilityAlertId: true, subject: true, text: true },
  });
}

let gln = 0;
/** A distributor's ONIX 3.1 block update of the book's ProductSupply, from a distributor of its own. */
async function onixSupplyUpdate(ean: string, availabilityCode: string): Promise<void> {
  gln += 1;
  const body = `30199${String(process.pid % 10_000).padStart(4, '0')}${String(gln).padStart(3, '0')}`;
  const sender = `${body}${ean13CheckDigit(body)}`;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'onix-alerte-'));
  const file = path.join(folder, 'maj.xml');
  writeFileSync(
    file,
    `<?xml version="1.0"?><ONIXMessage release="3.1"><Header><Sender><SenderName>Diffusion Alerte</SenderName>` +
      `<SenderIdentifier><SenderIDType>06</SenderIDType><IDValue>${sender}</IDValue></SenderIdentifier></Sender></Header>` +
      `<Product><RecordReference>alerte-${ean}</RecordReference><NotificationType>04</NotificationType>` +
      `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue></ProductIdentifier>` +
      `<ProductSupply><SupplyDetail><Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>${sender}</IDValue>` +
      `</SupplierIdentifier><SupplierName>Diffusion Alerte ${sender}</SupplierName></Supplier><ProductAvailability>${availabilityCode}</ProductAvailability>` +
      `<Price><PriceType>04</PriceType><PriceAmount>24.00</PriceAmount><Tax><TaxRatePercent>5.5</TaxRatePercent></Tax>` +
      `<CurrencyCode>EUR</CurrencyCode></Price></SupplyDetail></ProductSupply></Product></ONIXMessage>`,
  );
  const report = await importOnixFile(db, file, { fileName: 'maj.xml' });
  expect(report.counts).toMatchObject({ updated: 1, rejected: 0 });
}

const availabilityOf = async (bookId: number) =>
  (await db.book.findUniqueOrThrow({ where: { id: bookId }, select: { availability: true } })).availability;

describe('availability alerts', () => {
  it('200 readers wait for a book: a delivery of 3 copies, two workers, each reader gets exactly one e-mail', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, title: `Livre très attendu ${run}` });
    expect(await availabilityOf(book.id)).toBe('to_order');
    const alertIds: number[] = [];
    for (let start = 0; start < 200; start += 20) {
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => createConfirmedAlert(book.id, address(start + i))),
      );
      for (const result of created) {
        expect(result.ok).toBe(true);
        if (result.ok) alertIds.push(result.alertId);
      }
    }
    expect(new Set(alertIds).size).toBe(200);
    // Asked again by a signed-in reader: the same alert, not a second one.
    const again = await createConfirmedAlert(book.id, address(0).toUpperCase());
    expect(again).toEqual({ ok: true, alertId: alertIds[0] });
    // An address never confirmed waits for nothing.
    await requestAvailabilityAlert({ ean: book.ean, email: address('jamais-confirmee') }, '192.0.2.31');
    const unconfirmed = await db.availabilityAlert.findFirstOrThrow({
      where: { email: address('jamais-confirmee') },
      select: { id: true },
    });

    const received = await receiveDelivery(actor, {
      supplierId,
      noteNumber: `BL-ALERTE-${run}`,
      purchaseOrder: null,
      lines: [{ ean: book.ean, quantity: 3, discountBasisPoints: 3500, terms: 'firm' }],
    });
    expect(received).toMatchObject({ ok: true, copies: 3 });
    expect(await availabilityOf(book.id)).toBe('in_stock');

    // Owed in the drain's transactions (two workers taking batches with SKIP LOCKED), then sent.
    await until(async () => (await emailsOfAlerts(alertIds)).length >= 200, 'the 200 e-mails owed');
    const emails = await emailsOfAlerts(alertIds);
    expect(emails).toHaveLength(200);
    expect(emails.every((email) => email.kind === 'availability_alert_available')).toBe(true);
    expect(new Set(emails.map((email) => email.availabilityAlertId)).size).toBe(200);
    expect(new Set(emails.map((email) => email.toAddress)).size).toBe(200);
    // The outbox sends them a few a second, in no set order: read the first one sent.
    await until(
      async () => (await emailsOfAlerts(alertIds)).some((email) => email.status === 'sent'),
      'a reader’s e-mail sent',
    );
    const first = (await emailsOfAlerts(alertIds)).find((email) => email.status === 'sent');
    expect(first!.subject).toBe(`« Livre très attendu ${run} » est disponible`);
    expect(first!.text).toContain(`/livre/${book.ean}`);
    expect(first!.text).toContain(formatPrice(2000));
    expect(first!.text).toMatch(/\/alerte\/[A-Za-z0-9_-]{43}/);
    const statuses = await db.availabilityAlert.groupBy({
      by: ['status'],
      where: { id: { in: alertIds } },
      _count: true,
    });
    expect(statuses).toEqual([{ status: 'closed', _count: 200 }]);

    // The book sold out and delivered again: the closed alerts owe nothing more.
    await db.$transaction(async (tx) => {
      await tx.book.update({ where: { id: book.id }, data: { availability: 'to_order' } });
    });
    await receiveDelivery(actor, {
      supplierId,
      noteNumber: `BL-ALERTE-2-${run}`,
      purchaseOrder: null,
      lines: [{ ean: book.ean, quantity: 1, discountBasisPoints: 3500, terms: 'firm' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await emailsOfAlerts(alertIds)).toHaveLength(200);
    // The unconfirmed address got its confirmation only.
    expect((await emailsOfAlerts([unconfirmed.id])).map((email) => email.kind)).toEqual(['availability_alert_confirm']);
    expect(
      await db.availabilityAlert.findUniqueOrThrow({ where: { id: unconfirmed.id }, select: { status: true } }),
    ).toEqual({ status: 'pending' });
  }, 360_000);

  it('confirmed through its e-mailed link, an alert is e-mailed when an ONIX update puts the book back on sale', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: true });
    // Withdrawn from sale for now (list 65 code 34): copies on the shelf, none sold.
    await onixSupplyUpdate(book.ean, '34');
    expect(await availabilityOf(book.id)).toBe('unavailable');

    const email = address('onix');
    const asked = await requestAvailabilityAlert({ ean: book.ean, email }, '192.0.2.32');
    expect(asked.ok).toBe(true);
    // The same address again: the same answer, the same alert, another confirmation e-mail.
    expect(await requestAvailabilityAlert({ ean: book.ean, email }, '192.0.2.32')).toEqual(asked);
    const alert = await db.availabilityAlert.findFirstOrThrow({ where: { email }, select: { id: true } });
    expect(await db.availabilityAlert.count({ where: { email } })).toBe(1);

    let token = '';
    await until(async () => {
      const sent = (await emailsOfAlerts([alert.id])).filter((e) => e.status === 'sent');
      if (sent.length < 2) return false;
      token = /\/alerte\/([A-Za-z0-9_-]{43})/.exec(sent.at(-1)!.text ?? '')?.[1] ?? '';
      return true;
    }, 'the confirmation e-mails sent');
    expect(token).not.toBe('');
    // Opening the link changes nothing; the button does.
    expect(await getAlertByToken(token)).toMatchObject({ status: 'pending', confirm: true, cancel: true });
    expect(await confirmAvailabilityAlert(token)).toMatchObject({ ok: true });
    expect(await db.availabilityAlert.findUniqueOrThrow({ where: { id: alert.id }, select: { status: true } })).toEqual(
      {
        status: 'confirmed',
      },
    );
    // Confirmed, asked again: the same answer, no e-mail more.
    expect(await requestAvailabilityAlert({ ean: book.ean, email }, '192.0.2.32')).toEqual(asked);

    await onixSupplyUpdate(book.ean, '21');
    expect(await availabilityOf(book.id)).toBe('in_stock');
    await until(
      async () =>
        (await emailsOfAlerts([alert.id])).some(
          (e) => e.kind === 'availability_alert_available' && e.status === 'sent',
        ),
      'the availability e-mail',
    );
    expect((await emailsOfAlerts([alert.id])).map((e) => e.kind)).toEqual([
      'availability_alert_confirm',
      'availability_alert_confirm',
      'availability_alert_available',
    ]);
    expect(await db.availabilityAlert.findUniqueOrThrow({ where: { id: alert.id }, select: { status: true } })).toEqual(
      {
        status: 'closed',
      },
    );
  }, 360_000);

  it('a book its publisher declares out of print (ONIX code 51): one e-mail saying so, the alert closed', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, title: `Livre bientôt épuisé ${run}` });
    const reader = await db.reader.create({ data: { email: address('epuise') }, select: { id: true } });
    const created = await createConfirmedAlert(book.id, address('epuise'), reader.id);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(
      await db.availabilityAlert.findUniqueOrThrow({ where: { id: created.alertId }, select: { readerId: true } }),
    ).toEqual({ readerId: reader.id });

    await onixSupplyUpdate(book.ean, '51');
    expect(await availabilityOf(book.id)).toBe('out_of_print');
    await until(
      async () => (await emailsOfAlerts([created.alertId])).some((e) => e.status === 'sent'),
      'the out-of-print e-mail',
    );
    const [sent, ...others] = await emailsOfAlerts([created.alertId]);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ kind: 'availability_alert_out_of_print', toAddress: address('epuise') });
    expect(sent!.subject).toBe(`« Livre bientôt épuisé ${run} » est épuisé`);
    expect(sent!.text).toContain('Votre alerte est close.');

    // Its link still cancels: the alert and its e-mails are deleted.
    const token = /\/alerte\/([A-Za-z0-9_-]{43})/.exec(sent!.text ?? '')![1]!;
    expect(await getAlertByToken(token)).toMatchObject({ status: 'closed', confirm: false, cancel: true });
    expect(await cancelAvailabilityAlert(token)).toMatchObject({ ok: true });
    expect(await db.availabilityAlert.count({ where: { id: created.alertId } })).toBe(0);
    expect(await emailsOfAlerts([created.alertId])).toEqual([]);
    expect(await getAlertByToken(token)).toBeNull();
  }, 120_000);

  it('refuses a reader’s alert on a book in stock, and a forged link; a signed-in reader’s is due at once', async () => {
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    expect(await requestAvailabilityAlert({ ean: book.ean, email: address('en-stock') }, '192.0.2.33')).toMatchObject({
      ok: false,
      code: 'NOT_ALERTABLE',
    });
    expect(await confirmAvailabilityAlert('x'.repeat(43))).toMatchObject({ ok: false, code: 'UNKNOWN_ALERT' });
    // A signed-in reader's alert on a book already in stock is due at once: no change would ever make it so.
    const created = await createConfirmedAlert(book.id, address('deja-en-stock'));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    await until(
      async () => (await emailsOfAlerts([created.alertId])).some((e) => e.status === 'sent'),
      'the e-mail of an alert on a book in stock',
    );
    expect((await emailsOfAlerts([created.alertId])).map((e) => e.kind)).toEqual(['availability_alert_available']);
    expect(await getAlertByToken('pas-un-jeton')).toBeNull();
  });

  it('the retention job deletes alerts never confirmed after a week, and closed ones after 30 days', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const now = new Date();
    const days = (n: number) => new Date(now.getTime() - n * 24 * 3600_000);
    const make = (email: string, status: 'pending' | 'confirmed' | 'closed', createdAt: Date, closedAt: Date | null) =>
      db.availabilityAlert.create({
        data: {
          bookId: book.id,
          email,
          status,
          createdAt,
          closedAt,
          outcome: status === 'closed' ? 'available' : null,
        },
        select: { id: true },
      });
    const oldPending = await make(address('r1'), 'pending', days(8), null);
    const freshPending = await make(address('r2'), 'pending', days(6), null);
    const oldConfirmed = await make(address('r3'), 'confirmed', days(400), null);
    const oldClosed = await make(address('r4'), 'closed', days(60), days(31));
    const freshClosed = await make(address('r5'), 'closed', days(60), days(29));
    const report = await enforceRetention(now);
    expect(report.availabilityAlerts).toBeGreaterThanOrEqual(2);
    const left = await db.availabilityAlert.findMany({
      where: { id: { in: [oldPending, freshPending, oldConfirmed, oldClosed, freshClosed].map((a) => a.id) } },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    expect(left).toEqual([freshPending, oldConfirmed, freshClosed]);
  });

  it('a person’s export lists their alerts, and their erasure deletes them', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const email = address('effacement');
    const created = await createConfirmedAlert(book.id, email);
    expect(created.ok).toBe(true);
    expect((await exportPersonalData(email.toUpperCase())).availabilityAlerts).toMatchObject([
      { email, status: 'confirmed', book: { ean: book.ean } },
    ]);
    expect(await erasePersonalData(actor, email)).toMatchObject({ ok: true });
    expect(await db.availabilityAlert.count({ where: { email } })).toBe(0);
  });
});
