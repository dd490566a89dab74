import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from '@/lib/shop/settings';
import { insertStaffAccount } from '@/scripts/lib/staff-account';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';

const db = openTestDatabase();
let settings: typeof import('./shop-settings');
let cart: typeof import('@/lib/data/buying/cart');
let admin: { id: number; ip: string | null };

beforeAll(async () => {
  settings = await import('./shop-settings');
  cart = await import('@/lib/data/buying/cart');
  const id = await insertStaffAccount(db, {
    email: `reglages-${randomUUID()}@librairie.example`,
    name: 'Admin des réglages',
    role: 'admin',
    password: 'un mot de passe assez long',
  });
  admin = { id, ip: '127.0.0.1' };
});

const withFee = (feeCents: number): ShopSettings => ({
  ...DEFAULT_SHOP_SETTINGS,
  siret: '81234567600009',
  shippingTable: {
    ...DEFAULT_SHOP_SETTINGS.shippingTable,
    home_delivery: {
      label: 'Colissimo',
      tiers: [
        { fromGoodsCents: 0, feeCents: feeCents },
        { fromGoodsCents: 3_500, feeCents: 1 },
      ],
    },
  },
});

describe('shop settings', () => {
  it('are saved with an audit entry, and the cart prices with the stored fee table at once', async () => {
    const before = await settings.getShopSettings();
    const saved = await settings.saveShopSettings(admin, withFee(590), before.version);
    expect(saved).toMatchObject({ ok: true, version: before.version + 1 });
    expect((await settings.getShopSettings()).shippingTable.home_delivery.tiers[0]?.feeCents).toBe(590);

    const book = await createTestBook(db, { onHand: 0, withSupplier: true, priceCents: 2000 });
    const added = await cart.changeCartLine(null, { ean: book.ean, quantity: 1 }, 'add');
    if (!added.ok) throw new Error(added.message);
    const view = await cart.getCartView(added.cartId, new Date());
    expect(view.homeDelivery?.totals).toMatchObject({ goodsCents: 2000, shippingCents: 590, totalInclVatCents: 2590 });
    expect(view.shippingLabels.home_delivery).toBe('Colissimo');

    const entries = await db.auditEntry.findMany({ where: { action: 'settings.updated', staffId: admin.id } });
    expect(entries.at(-1)?.after).toMatchObject({ shippingTable: expect.any(Object) });
  });

  it('two admins saving from the same page: one save wins, the other is told to reload', async () => {
    const { version } = await settings.getShopSettings();
    const results = await Promise.all([
      settings.saveShopSettings(admin, withFee(500), version),
      settings.saveShopSettings(admin, withFee(510), version),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'SETTINGS_CHANGED' });
    expect((await db.shopSettings.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(version + 1);
  });

  afterAll(async () => {
    // Later test files price with the demo table.
    const { version } = await settings.getShopSettings();
    await settings.saveShopSettings(admin, DEFAULT_SHOP_SETTINGS, version);
  });
});
