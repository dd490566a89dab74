'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { createOrganisation, updateOrganisation } from '@/lib/data/customers/customer-organisations';
import { issueStatementsNow } from '@/lib/data/invoicing/statements';
import {
  OrganisationFormSchema,
  OrganisationIdSchema,
  OrganisationVersionSchema,
} from '@/lib/validation/customer-organisations';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

// Customer organisations (/admin/clients): staff at the desk create and edit them.

export async function createOrganisationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = OrganisationFormSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createOrganisation(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/clients');
  redirect(`/admin/clients/${result.id}?cree=1`);
}

export async function updateOrganisationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const fields = formFields(formData);
  const identity = OrganisationVersionSchema.safeParse(fields);
  if (!identity.success) return invalidInput(identity.error);
  const parsed = OrganisationFormSchema.safeParse(fields);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updateOrganisation(await actorOf(staff), { ...identity.data, input: parsed.data });
  if (!result.ok) return result;
  revalidatePath('/admin/clients');
  revalidatePath(`/admin/clients/${identity.data.id}`);
  return { ok: true, message: 'Organisation enregistrée.' };
}

/** Staff issue the organisation's monthly statement now, for its dispatched orders not invoiced yet. */
export async function issueStatementAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = OrganisationIdSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await issueStatementsNow(await actorOf(staff), parsed.data.id);
  if (!result.ok) return result;
  revalidatePath(`/admin/clients/${parsed.data.id}`);
  return {
    ok: true,
    message: `Relevé émis : facture${result.numbers.length > 1 ? 's' : ''} ${result.numbers.join(', ')}.`,
  };
}
