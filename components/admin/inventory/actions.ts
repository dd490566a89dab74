'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import {
  cancelInventory,
  recordCountedCopies,
  startInventory,
  validateInventory,
} from '@/lib/data/stock-desk/inventory';
import type { Failure } from '@/lib/core/result';
import {
  CountedCopiesSchema,
  StartInventorySchema,
  InventoryRefSchema,
  ValidateInventorySchema,
} from '@/lib/validation/inventory';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';
import { formatCopies } from '@/lib/core/copies';

// Inventory counts: start one, scan or type what is on the shelf, validate (or abandon).

export async function startCountAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = StartInventorySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await startInventory(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/inventaire');
  redirect(`/admin/inventaire/${result.inventoryId}`);
}

export type CountEntryState = Failure | { ok: true; message: string; title: string; counted: number } | null;

/** One scan (adds) or one correction (replaces): the count of that book after it. */
export async function countEntryAction(_state: CountEntryState, formData: FormData): Promise<CountEntryState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = CountedCopiesSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await recordCountedCopies(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  return {
    ok: true,
    title: result.title,
    counted: result.counted,
    message: `« ${result.title} » : ${formatCopies(result.counted)} compté${result.counted > 1 ? 's' : ''}.`,
  };
}

export async function validateCountAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ValidateInventorySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await validateInventory(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath(`/admin/inventaire/${parsed.data.inventoryId}`);
  revalidatePath('/admin/inventaire');
  revalidatePath('/admin/stock');
  return {
    ok: true,
    message: `Inventaire validé : ${result.adjustments} ajustement${result.adjustments > 1 ? 's' : ''} (${formatCopies(result.copiesIn)} en plus, ${formatCopies(result.copiesOut)} en moins).`,
  };
}

export async function cancelCountAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = InventoryRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await cancelInventory(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath(`/admin/inventaire/${parsed.data.inventoryId}`);
  revalidatePath('/admin/inventaire');
  return { ok: true, message: 'Inventaire abandonné : aucun stock n’a changé.' };
}
