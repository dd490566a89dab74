import 'server-only';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_SHOP_SETTINGS, parseStoredShippingTable, type ShopSettings } from '@/lib/shop/settings';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from './audit';
import { isDatabaseBusy } from '@/lib/database/errors';
import type { Actor } from './staff';
import { Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

export type StoredShopSettings = ShopSettings & { version: number };

const SETTINGS_ID = 1;

/** The shop's settings, read once per request; the defaults until an admin saves them. */
export const getShopSettings = cache(async (): Promise<StoredShopSettings> => readShopSettings(getDb()));

/**
 * The same, read by `client`: inside a transaction, pass it, so the read takes no second
 * connection from the pool while the transaction holds one (N such transactions at once on a pool
 * of N would otherwise wait for each other until they time out).
 */
export async function readShopSettings(client: Pick<Tx, 'shopSettings'>): Promise<StoredShopSettings> {
  const row = await client.shopSettings.findUnique({ where: { id: SETTINGS_ID } });
  if (!row) return { ...DEFAULT_SHOP_SETTINGS, version: 0 };
  return {
    name: row.name,
    tagline: row.tagline,
    legalName: row.legalName,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    postalCode: row.postalCode,
    city: row.city,
    email: row.email,
    phone: row.phone,
    siret: row.siret,
    vatNumber: row.vatNumber,
    mediatorName: row.mediatorName,
    mediatorUrl: row.mediatorUrl,
    legalForm: row.legalForm,
    shareCapitalCents: row.shareCapitalCents,
    rcsCity: row.rcsCity,
    publicationDirector: row.publicationDirector,
    hostName: row.hostName,
    hostAddress: row.hostAddress,
    hostPhone: row.hostPhone,
    microEnterprise: row.microEnterprise,
    gln: row.gln,
    iban: row.iban,
    bic: row.bic,
    orderCutoffHour: row.orderCutoffHour,
    shippingTable: parseStoredShippingTable(row.shippingTable),
    version: row.version,
  };
}

/**
 * For the page's frame (header, footer, title): the settings, or the defaults when the database
 * does not answer, so the frame still renders and the page itself sends the reader to the 503
 * page (lib/http/database-guard.ts).
 */
export async function getShopSettingsForFrame(): Promise<ShopSettings> {
  try {
    return await getShopSettings();
  } catch (error) {
    if (isDatabaseBusy(error)) return DEFAULT_SHOP_SETTINGS;
    throw error;
  }
}

const SETTINGS_CHANGED = failure(
  'SETTINGS_CHANGED',
  'Les réglages ont été modifiés entre-temps par un autre administrateur : rechargez la page.',
);

/**
 * Saves the settings (one transaction with its audit entry). `version` is the one the form
 * showed: a save made meanwhile by another admin wins, and this one is refused.
 */
export async function saveShopSettings(
  actor: Actor,
  settings: ShopSettings,
  version: number,
): Promise<Result<{ version: number }>> {
  return transact(async (tx) => {
    const [current] = await tx.$queryRaw<{ version: number }[]>`
      SELECT "version" FROM "ShopSettings" WHERE "id" = ${SETTINGS_ID} FOR UPDATE`;
    if ((current?.version ?? 0) !== version) throw new Rejection(SETTINGS_CHANGED);
    const before = current ? await tx.shopSettings.findUniqueOrThrow({ where: { id: SETTINGS_ID } }) : null;
    const data = {
      ...settings,
      shippingTable: settings.shippingTable as unknown as Prisma.InputJsonValue,
      updatedById: actor.id,
    };
    const saved = await tx.shopSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...data, version: 1 },
      update: { ...data, version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'settings.updated',
      ip: actor.ip,
      before: changedFields(before ?? DEFAULT_SHOP_SETTINGS, settings, 'before'),
      after: changedFields(before ?? DEFAULT_SHOP_SETTINGS, settings, 'after'),
    });
    return { ok: true as const, version: saved.version };
  });
}

/** The fields that changed, as they were or as they are: a small JSON for the audit log. */
function changedFields(before: Record<string, unknown>, after: ShopSettings, side: 'before' | 'after') {
  const entries = Object.entries(after).filter(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value));
  return Object.fromEntries(
    entries.map(([key, value]) => [key, (side === 'before' ? before[key] : value) ?? null]),
  ) as Prisma.InputJsonObject;
}
