'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { findDeskBook, receiveDelivery, type DeskBook } from '@/lib/data/stock-desk/receiving';
import { failure, type Failure } from '@/lib/core/result';
import { prepareReceptionFromDespatch, type ReceptionFromDespatch } from '@/lib/data/stock-desk/despatch-import';
import { parseDespatchFile } from '@/lib/edi/despatch-file';
import { DeliverySchema, deliveryFormValues, DespatchFileSchema, LookupSchema } from '@/lib/validation/receiving';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { formatCopies } from '@/lib/core/copies';
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

export type DespatchImportState = Failure | { ok: true; message: string; reception: ReceptionFromDespatch } | null;

/**
 * Reads a distributor's despatch advice (EANCOM DESADV or CSV delivery note) into the receiving
 * screen's lines, purchase order and note number. Writes nothing: staff check the parcel against
 * it, then validate through receiveDeliveryAction.
 */
export async function importDespatchAdviceAction(
  _state: DespatchImportState,
  formData: FormData,
): Promise<DespatchImportState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  await requireStaff('libraire');
  const parsed = DespatchFileSchema.safeParse({
    avis: formData.get('avis'),
    purchaseOrderId: formFields(formData).purchaseOrderId || undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const announced = parseDespatchFile(new Uint8Array(await parsed.data.avis.arrayBuffer()));
  if (!announced.ok) return announced;
  const result = await prepareReceptionFromDespatch(announced, parsed.data.purchaseOrderId ?? null);
  if (!result.ok) return result;
  const { reception } = result;
  const copies = reception.lines.reduce((sum, line) => sum + line.quantity, 0);
  return {
    ok: true,
    reception,
    message: `Avis lu : ${reception.lines.length} livre${reception.lines.length > 1 ? 's' : ''}, ${formatCopies(copies)} annoncé${copies > 1 ? 's' : ''}${reception.purchaseOrder ? `, commande fournisseur n° ${reception.purchaseOrder.id}` : ''}. Vérifiez le colis, puis validez la réception.`,
  };
}
