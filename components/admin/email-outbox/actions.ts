'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { resendEmail } from '@/lib/data/customer-mail/email-outbox';
import { ResendEmailSchema } from '@/lib/validation/email-outbox';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** "Renvoyer": a failed e-mail goes back to the queue (a new job, the same outbox row). */
export async function resendEmailAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ResendEmailSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await resendEmail(await actorOf(staff), parsed.data.emailId);
  if (!result.ok) return result;
  revalidatePath('/admin/emails');
  return {
    ok: true,
    message: result.reference
      ? `Courriel de la commande ${result.reference} remis dans la file d’envoi.`
      : 'Courriel de connexion remis dans la file d’envoi (avec un nouveau lien et un nouveau code).',
  };
}
