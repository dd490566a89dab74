import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPaidOrder, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { enforceRetention } from '@/lib/data/privacy/retention';
import { transactOrThrow } from '@/lib/data/platform/transactions';
import {
  deleteReaderAddress,
  getReaderAddress,
  listReaderAddresses,
  saveReaderAddress,
  updateReaderAddress,
} from './reader-addresses';
import { deleteReaderAccount, exportReaderData } from './reader-data';
import { listReaderOrders, trackReaderOrder } from './reader-orders';
import { startReaderSession } from './reader-sessions';

// A reader's account on a real PostgreSQL: the orders of its e-mail, its addresses, and nothing
// of another reader's, whatever id or reference is tried; the account's deletion and its purge.

const db = openTestDatabase();
const ADDRESS = {
  fullName: 'Camille Martin',
  phone: '0612345678',
  addressLine1: '12 rue Soufflot',
  addressLine2: null,
  postalCode: '75005',
  city: 'Paris',
};

async function newReader(tag: string) {
  const email = `lecteur.${tag}.${randomUUID().slice(0, 8)}@exemple.fr`;
  const reader = await db.reader.create({ data: { email }, select: { id: true, email: true } });
  return reader;
}

async function paidOrderOf(email: string) {
  const { order } = await createPaidOrder(db, { onHand: 1, withSupplier: false });
  await db.order.update({ where: { id: order.id }, data: { email } });
  return order;
}

describe('the order history', () => {
  it('lists the paid, then refunded, orders of the e-mail whatever its case, newest first; never an unpaid one', async () => {
    const reader = await newReader('historique');
    const older = await paidOrderOf(reader.email.toUpperCase());
    const newer = await paidOrderOf(reader.email);
    await db.order.update({
      where: { id: older.id },
      data: { status: 'refunded', createdAt: new Date(Date.now() - 60_000) },
    });
    const { order: unpaid } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
    await db.order.update({ where: { id: unpaid.id }, data: { email: reader.email, status: 'expired' } });
    const orders = await listReaderOrders(reader.email);
    expect(orders.map((o) => [o.reference, o.status])).toEqual([
      [newer.reference, 'paid'],
      [older.reference, 'refunded'],
    ]);
  });

  it('"Suivre ma commande" mints a link to the reader’s own order; another reader’s reference is refused and mints nothing', async () => {
    const owner = await newReader('proprietaire');
    const stranger = await newReader('etranger');
    const order = await paidOrderOf(owner.email);
    const tracked = await trackReaderOrder(owner.email, order.reference, new Date());
    expect(tracked.ok).toBe(true);
    if (tracked.ok) expect(await findOrderIdByTrackingToken(tracked.token, new Date())).toBe(order.id);
    const tokens = await db.trackingToken.count({ where: { orderId: order.id } });
    expect(await trackReaderOrder(stranger.email, order.reference, new Date())).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ORDER',
    });
    expect(await db.trackingToken.count({ where: { orderId: order.id } })).toBe(tokens);
  });
});

describe('saved addresses', () => {
  it('are saved once per distinct address; another reader can neither read, change nor delete them', async () => {
    const owner = await newReader('adresses');
    const stranger = await newReader('curieux');
    await saveReaderAddress(owner.id, ADDRESS);
    await saveReaderAddress(owner.id, { ...ADDRESS, addressLine1: '12  Rue soufflot ' });
    const [address] = await listReaderAddresses(owner.id);
    expect(await listReaderAddresses(owner.id)).toHaveLength(1);

    expect(await getReaderAddress(stranger.id, address!.id)).toBeNull();
    expect(await updateReaderAddress(stranger.id, address!.id, { ...ADDRESS, city: 'Lyon' })).toMatchObject({
      code: 'UNKNOWN_ADDRESS',
    });
    expect(await deleteReaderAddress(stranger.id, address!.id)).toMatchObject({ code: 'UNKNOWN_ADDRESS' });
    expect(await getReaderAddress(owner.id, address!.id)).toEqual(address);

    expect(await updateReaderAddress(owner.id, address!.id, { ...ADDRESS, addressLine2: 'Escalier B' })).toEqual({
      ok: true,
    });
    expect((await getReaderAddress(owner.id, address!.id))?.addressLine2).toBe('Escalier B');
    expect(await deleteReaderAddress(owner.id, address!.id)).toEqual({ ok: true });
    expect(await listReaderAddresses(owner.id)).toEqual([]);
  });
});

describe('"Supprimer mon compte"', () => {
  it('deletes the account, its sessions, addresses and sign-in links in one go; orders stay, without e-mail nor phone', async () => {
    const reader = await newReader('suppression');
    const order = await paidOrderOf(reader.email);
    await saveReaderAddress(reader.id, ADDRESS);
    await transactOrThrow((tx) => startReaderSession(tx, reader.id, new Date()));
    await db.signInLink.create({ data: { email: reader.email, expiresAt: new Date(Date.now() + 60_000) } });
    const exported = await exportReaderData(reader.id);
    expect(exported.account.email).toBe(reader.email);
    expect(exported.orders.map((o) => o.reference)).toEqual([order.reference]);

    expect(await deleteReaderAccount(reader.id, new Date())).toMatchObject({ ok: true, paidOrders: 1 });
    expect(await db.reader.count({ where: { id: reader.id } })).toBe(0);
    expect(await db.readerSession.count({ where: { readerId: reader.id } })).toBe(0);
    expect(await db.readerAddress.count({ where: { readerId: reader.id } })).toBe(0);
    expect(await db.signInLink.count({ where: { email: reader.email } })).toBe(0);
    expect(
      await db.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { email: true, phone: true, fullName: true, totalCents: true },
      }),
    ).toEqual({ email: 'anonyme@invalid', phone: '', fullName: 'Camille Martin', totalCents: order.totalCents });
    const audit = await db.auditEntry.findFirst({
      where: { action: 'privacy.account_deleted' },
      orderBy: { id: 'desc' },
      select: { staffId: true },
    });
    expect(audit).toEqual({ staffId: null });
  });
});

describe('the retention job', () => {
  it('deletes accounts not signed in to for 3 years, and sign-in links a day after they expired', async () => {
    const idle = await newReader('inactif');
    const active = await newReader('actif');
    const threeYearsAgo = new Date();
    threeYearsAgo.setUTCFullYear(threeYearsAgo.getUTCFullYear() - 3);
    await db.reader.update({
      where: { id: idle.id },
      data: { lastSignInAt: new Date(threeYearsAgo.getTime() - 1000) },
    });
    const old = await db.signInLink.create({
      data: { email: idle.email, expiresAt: new Date(Date.now() - 25 * 3600_000) },
      select: { id: true },
    });
    const recent = await db.signInLink.create({
      data: { email: active.email, expiresAt: new Date(Date.now() - 3600_000) },
      select: { id: true },
    });
    const report = await enforceRetention(new Date());
    expect(report.readerAccounts).toBeGreaterThanOrEqual(1);
    expect(await db.reader.count({ where: { id: { in: [idle.id, active.id] } } })).toBe(1);
    expect(await db.signInLink.count({ where: { id: { in: [old.id, recent.id] } } })).toBe(1);
  });
});
