'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { saveShopSettings } from '@/lib/data/staff/shop-settings';
import { ShopSettingsFormSchema } from '@/lib/shop/settings';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM } from '../action-state';
import type { SettingsState } from './settings-state';

/** The shop's settings: admins only. */
export async function saveShopSettingsAction(_state: SettingsState, formData: FormData): Promise<SettingsState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('admin');
  const fields = formFields(formData);
  const version = Number(fields.version);
  const parsed = ShopSettingsFormSchema.safeParse(fields);
  if (!parsed.success || !Number.isInteger(version) || version < 0) {
    return { ...(parsed.success ? NOT_A_FORM : invalidInput(parsed.error)), values: fields };
  }
  const result = await saveShopSettings(await actorOf(staff), parsed.data, version);
  if (!result.ok) return { ...result, values: fields };
  // The shop's name, its fees and the terms show everywhere.
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Réglages enregistrés.', version: result.version };
}
