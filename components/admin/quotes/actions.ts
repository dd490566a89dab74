'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { acceptQuote } from '@/lib/data/buying/quote-acceptance';
import { clientKey } from '@/lib/http/client-address';
import { repricingNote } from '@/lib/quotes/quote-rules';
import { QuoteAcceptanceSchema } from '@/lib/validation/quotes';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

// Quotes at the desk (/admin/devis): staff record an acceptance the organisation gave by mail or
// on paper; it becomes the order on account exactly as an acceptance online does.

export async function recordQuoteAcceptanceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = QuoteAcceptanceSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await actorOf(staff);
  const accepted = await acceptQuote(
    { kind: 'staff', staffId: staff.id, name: staff.name, ip: actor.ip },
    parsed.data,
    new Date(),
    await clientKey(),
  );
  if (!accepted.ok) return accepted;
  revalidatePath('/admin/devis');
  revalidatePath(`/admin/devis/${parsed.data.quoteId}`);
  const note = repricingNote(accepted.differenceCents);
  return { ok: true, message: `Acceptation enregistrée : commande ${accepted.reference}.${note ? ` ${note}` : ''}` };
}
