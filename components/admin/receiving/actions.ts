'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { findDeskBook, receiveDelivery, type DeskBook } from '@/lib/data/stock-desk/receiving';
import { failure, type Failure } from '@/lib/core/result';
import { DeliverySchema, deliveryFormValues, LookupSchema } from '@/lib/validation/receiving';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM } from '../action-state';

// Receiving a delivery: a scanned EAN looked up (the line shows the book, or why not), then the
// whole delivery booked at once ("Valider").

export type LookupState = Failure | { ok: true; message: string; book: DeskBook } | null;

export async function lookupBookAction(_state: LookupState, formData: FormData): Promise<LookupState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  await requireStaff('libraire');
  const parsed = LookupSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const book = await findDeskBook(parsed.data.ean);
  if (!book)
    return failure('UNKNOWN_BOOK', `EAN ${parsed.data.ean} : ce livre n’est pas au catalogue.`, {
      fieldErrors: { ean: parsed.data.ean },
    });
  return { ok: true, message: book.title, book };
}

export type ReceiveState = Failure | null;

/** Books the whole delivery, then opens its page (what went to which customer, what went to the shelf). */
export async function receiveDeliveryAction(_state: ReceiveState, formData: FormData): Promise<ReceiveState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = DeliverySchema.safeParse(deliveryFormValues(formFields(formData)));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await receiveDelivery(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/receptions');
  revalidatePath('/admin/commandes');
  revalidatePath('/admin/stock');
  revalidatePath('/admin/commandes-fournisseurs');
  redirect(`/admin/receptions/${result.deliveryId}?enregistree=1`);
}
