'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { removeBookPick, saveBookPick } from '@/lib/data/catalog/book-picks';
import { BookPickSchema, RemovePickSchema } from '@/lib/validation/book-picks';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

// "Le mot du libraire" on a book's back-office page. The reader pages showing it are purged from
// the front cache by the database; Next's own cache of them is revalidated here.

function revalidatePick(ean: string) {
  revalidatePath(`/livre/${ean}`);
  revalidatePath(`/admin/catalogue/livres/${ean}`);
  revalidatePath('/');
  revalidatePath('/coups-de-coeur');
}

export async function saveBookPickAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = BookPickSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveBookPick(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePick(parsed.data.ean);
  return {
    ok: true,
    message: result.created
      ? 'Coup de cœur enregistré : le mot du libraire est sur la page du livre et dans les coups de cœur.'
      : 'Mot du libraire enregistré : les lecteurs voient déjà la nouvelle version.',
  };
}

export async function removeBookPickAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = RemovePickSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await removeBookPick(await actorOf(staff), parsed.data.ean);
  if (!result.ok) return result;
  revalidatePick(parsed.data.ean);
  return { ok: true, message: 'Coup de cœur retiré : le livre n’a plus de mot du libraire.' };
}
