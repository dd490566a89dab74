'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { declineBookRequest } from '@/lib/data/stock-desk/book-requests';
import { BookRequestAnswerSchema } from '@/lib/validation/book-requests';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** "Refuser": the book cannot be had; the reader gets the reason by e-mail. */
export async function declineBookRequestAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = BookRequestAnswerSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await declineBookRequest(await actorOf(staff), parsed.data);
  if (result.ok) revalidatePath('/admin/demandes');
  return result;
}
