import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { createPaidOrder } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';
import { deliverEmail } from './email-delivery';
import { enqueueOrderEmail } from './order-emails';
import { applyStripeEvent } from '@/lib/data/buying/payments';
import { findOrderIdByTrackingToken } from './tracking-tokens';
import { transactOrThrow } from '@/lib/data/platform/transactions';

// The outbox, in-process (no SMTP_URL: the outbox is the delivery): e-mails owed by the
// transaction of the change, once per (kind, order, version), with their pg-boss job; delivered
// once however often the job runs; the link each carries opens the order until it expires.

const db = openTestDatabase();

async function emailsOf(orderId: number) {
  return db.emailMessage.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    select: { id: true, kind: true, version: true, status: true, transport: true, text: true, html: true },
  });
}

async function jobsFor(emailId: number): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM pgboss.job WHERE name = 'email-delivery' AND (data->>'emailId')::int = ${emailId}`;
  return rows[0]?.count ?? 0;
}

function paidAgain(reference: string, type: string): Stripe.Event {
  return {
    id: `evt_${randomUUID()}`,
    object: 'event',
    type,
    data: {
      object: {
        id: `cs_test_${reference}`,
        object: 'checkout.session',
        client_reference_id: reference,
        payment_status: 'paid',
        payment_intent: `pi_test_${reference}`,
      },
    },
  } as unknown as Stripe.Event;
}

describe('e-mails owed by a change', () => {
  it('a payment owes its confirmation, written with its job by the webhook’s transaction', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const emails = await emailsOf(order.id);
    expect(emails.map(({ kind, version, status }) => ({ kind, version, status }))).toEqual([
      { kind: 'order_confirmation', version: 0, status: 'pending' },
    ]);
    expect(await jobsFor(emails[0]!.id)).toBe(1);
  });

  it('the same payment processed twice (another event for the same session) owes one e-mail and one job', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const again = await applyStripeEvent(
      paidAgain(order.reference, 'checkout.session.async_payment_succeeded'),
      new Date(),
    );
    expect(again.ok).toBe(true);
    // And owed again by hand, as a retried stock-desk receipt would: the key (kind, order, version) refuses it.
    const second = await transactOrThrow(
      (tx) => enqueueOrderEmail(tx, order.id, { kind: 'order_confirmation' }),
      undefined,
      { db, frontCaches: [] },
    );
    expect(second).toBeNull();
    const emails = await emailsOf(order.id);
    expect(emails).toHaveLength(1);
    expect(await jobsFor(emails[0]!.id)).toBe(1);
  });

  it('a change rolled back leaves neither an e-mail nor a job behind', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const jobsBefore = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM pgboss.job`;
    await expect(
      transactOrThrow(
        async (tx) => {
          await enqueueOrderEmail(tx, order.id, { kind: 'tracking_link', askedAt: new Date(), purpose: 'tracking' });
          throw new Error('the change fails after owing its e-mail');
        },
        undefined,
        { db, frontCaches: [] },
      ),
    ).rejects.toThrow('the change fails');
    expect((await emailsOf(order.id)).map((e) => e.kind)).toEqual(['order_confirmation']);
    const jobsAfter = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM pgboss.job`;
    expect(jobsAfter[0]!.count).toBe(jobsBefore[0]!.count);
  });
});

describe('delivery', () => {
  it('a job run twice at the same time sends one e-mail; its link opens the order', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const [email] = await emailsOf(order.id);
    const outcomes = await Promise.all([
      deliverEmail(email!.id, { final: false }),
      deliverEmail(email!.id, { final: false }),
    ]);
    expect(outcomes.sort()).toEqual(['already sent', 'sent']);
    expect(await deliverEmail(email!.id, { final: false })).toBe('already sent');

    const [sent] = await emailsOf(order.id);
    expect(sent).toMatchObject({ status: 'sent', transport: 'outbox' });
    expect(sent!.text).toContain('Merci pour votre commande');
    expect(sent!.text).toContain(order.reference);
    expect(sent!.text).toContain('Formulaire de rétractation');
    const token = /\/suivi\/([A-Za-z0-9_-]{43})/.exec(sent!.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(await db.trackingToken.count({ where: { orderId: order.id } })).toBe(1);
    expect(await findOrderIdByTrackingToken(token!, new Date())).toBe(order.id);
  });

  it('a forged, expired or malformed link opens nothing; each e-mail renews the order’s links', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const [email] = await emailsOf(order.id);
    await deliverEmail(email!.id, { final: false });
    const token = /\/suivi\/([A-Za-z0-9_-]{43})/.exec((await emailsOf(order.id))[0]!.text ?? '')![1]!;

    const forged = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await findOrderIdByTrackingToken(forged, new Date())).toBeNull();
    expect(await findOrderIdByTrackingToken(`${token}=`, new Date())).toBeNull();
    const in91Days = new Date(Date.now() + 91 * 24 * 3600_000);
    expect(await findOrderIdByTrackingToken(token, in91Days)).toBeNull();

    // A second e-mail 60 days later: the first link now lives until 90 days after it.
    const later = new Date(Date.now() + 60 * 24 * 3600_000);
    const id = await transactOrThrow(
      (tx) => enqueueOrderEmail(tx, order.id, { kind: 'tracking_link', askedAt: later, purpose: 'tracking' }),
      undefined,
      { db, frontCaches: [] },
    );
    await deliverEmail(id!, { final: false }, () => later);
    expect(await findOrderIdByTrackingToken(token, in91Days)).toBe(order.id);
    expect(await db.trackingToken.count({ where: { orderId: order.id } })).toBe(2);
  });

  it('a message that fails its last attempt is marked failed for staff, with the reason', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
    const [email] = await emailsOf(order.id);
    await db.emailMessage.update({ where: { id: email!.id }, data: { payload: { kind: 'order_confirmation' } } });
    await expect(deliverEmail(email!.id, { final: false })).rejects.toThrow();
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: email!.id } })).status).toBe('pending');
    await expect(deliverEmail(email!.id, { final: true })).rejects.toThrow();
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { id: email!.id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.lastError).toBeTruthy();
    expect(await db.trackingToken.count({ where: { orderId: order.id } })).toBe(0);
  });

  it('states the seller as the settings said when the e-mail was owed, whatever they say at sending', async () => {
    const saved = {
      ...DEFAULT_SHOP_SETTINGS,
      legalName: 'Librairie du Panthéon SARL',
      addressLine1: '5 rue Cujas',
      siret: '73282932000074',
      mediatorName: 'Médiateur du livre',
      shippingTable: DEFAULT_SHOP_SETTINGS.shippingTable as unknown as Prisma.InputJsonValue,
    };
    // Another test file may have left a row (its own defaults): put back whatever was there.
    const before = await db.shopSettings.findUnique({ where: { id: 1 } });
    await db.shopSettings.upsert({ where: { id: 1 }, create: { id: 1, ...saved, version: 1 }, update: saved });
    let orderId = 0;
    try {
      const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true });
      orderId = order.id;
      const [email] = await emailsOf(order.id);
      // The shop moves between the payment and the worker's sending: the confirmation (the
      // durable medium of art. L221-13) still states the seller of the contract.
      await db.shopSettings.update({
        where: { id: 1 },
        data: { legalName: 'Librairie Ailleurs SAS', addressLine1: '1 rue Ailleurs' },
      });
      await deliverEmail(email!.id, { final: false });
    } finally {
      if (before) {
        const { id: _id, shippingTable, ...rest } = before;
        await db.shopSettings.update({
          where: { id: 1 },
          data: { ...rest, shippingTable: shippingTable as Prisma.InputJsonValue },
        });
      } else await db.shopSettings.delete({ where: { id: 1 } });
    }
    const [sent] = await emailsOf(orderId);
    expect(sent!.text).toContain('Librairie du Panthéon SARL — 5 rue Cujas, 75005 Paris');
    expect(sent!.text).toContain('SIRET 73282932000074');
    expect(sent!.text).toContain('Médiateur de la consommation : Médiateur du livre');
    expect(sent!.text).not.toContain('Librairie Ailleurs SAS');
    expect(sent!.text).not.toContain(DEFAULT_SHOP_SETTINGS.legalName);
  });
});
