'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatPrice } from '@/lib/core/money';
import { sendPaymentReminder } from '@/lib/data/invoicing/payment-reminders';
import { recordTransfer, reverseTransfer } from '@/lib/data/invoicing/transfers';
import { ReminderFormSchema, ReverseTransferSchema, TransferFormSchema } from '@/lib/validation/transfers';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

// Transfers received and reminders, posted from an order's page and from /admin/factures-sur-compte.
// Each: a FormData, requireStaff, zod, one lib function (one transaction), revalidate.

function revalidateInvoices() {
  revalidatePath('/admin/factures-sur-compte');
  revalidatePath('/admin/commandes/[reference]', 'page');
  revalidatePath('/admin/commandes');
}

export async function recordTransferAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = TransferFormSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { invoiceNumber, amount: amountCents, receivedOn, bankReference } = parsed.data;
  const result = await recordTransfer(await actorOf(staff), { invoiceNumber, amountCents, receivedOn, bankReference });
  if (!result.ok) return result;
  revalidateInvoices();
  return {
    ok: true,
    message: result.settled
      ? `Virement de ${formatPrice(amountCents)} enregistré : la facture ${invoiceNumber} est réglée.`
      : `Virement de ${formatPrice(amountCents)} enregistré sur la facture ${invoiceNumber} ; reste dû ${formatPrice(result.dueCents)}.`,
  };
}

export async function reverseTransferAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ReverseTransferSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await reverseTransfer(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateInvoices();
  return {
    ok: true,
    message: `Virement de ${formatPrice(result.amountCents)} annulé par une écriture inverse sur la facture ${result.invoiceNumber}.`,
  };
}

export async function sendReminderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ReminderFormSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await sendPaymentReminder(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateInvoices();
  return { ok: true, message: `Relance de la facture ${parsed.data.invoiceNumber} envoyée à ${result.toAddress}.` };
}
