'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { createCounterOrder } from '@/lib/data/stock-desk/counter-orders';
import { CounterOrderSchema } from '@/lib/validation/counter-orders';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** A customer's special order at the counter: it joins the next purchase list. */
export async function createCounterOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = CounterOrderSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createCounterOrder(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/commandes');
  revalidatePath('/admin/commandes-fournisseurs');
  if (parsed.data.request) revalidatePath('/admin/demandes');
  redirect(`/admin/commandes/${result.reference}`);
}
