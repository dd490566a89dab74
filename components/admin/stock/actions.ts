'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { adjustStock, setReorderThreshold } from '@/lib/data/stock-desk/stock-levels';
import { MANUAL_ADJUSTMENTS } from '@/lib/stock/movement-reasons';
import { AdjustStockSchema, ThresholdSchema } from '@/lib/validation/stock-levels';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';
import { formatCopies } from '@/lib/core/copies';

// A book's stock page: adjustments by hand (casse, vol, retour client) and the réassort threshold.

function revalidateBook(ean: string) {
  revalidatePath(`/admin/stock/${ean}`);
  revalidatePath('/admin/stock');
  revalidatePath(`/livre/${ean}`);
}

export async function adjustStockAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = AdjustStockSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await adjustStock(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateBook(parsed.data.ean);
  const sign = MANUAL_ADJUSTMENTS[parsed.data.reason].sign;
  return {
    ok: true,
    message: `${formatCopies(parsed.data.quantity)} ${sign > 0 ? 'ajouté' : 'retiré'}${parsed.data.quantity > 1 ? 's' : ''} : ${formatCopies(result.onHand)} en stock.`,
  };
}

export async function setThresholdAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ThresholdSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await setReorderThreshold(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateBook(parsed.data.ean);
  return {
    ok: true,
    message:
      result.threshold === 0
        ? 'Réassort automatique arrêté.'
        : `Seuil de réassort : ${formatCopies(result.threshold)}.`,
  };
}
