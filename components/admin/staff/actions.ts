'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { STAFF_ROLE_LABELS } from '@/lib/staff/roles';
import { changeRole, createStaffMember, setDisabled } from '@/lib/auth/staff-accounts';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { ChangeRoleSchema, CreateStaffSchema, SetDisabledSchema } from '@/lib/validation/staff';
import { NOT_A_FORM, type ActionState } from '../action-state';

// Staff accounts: admins only.

export type CreateStaffState =
  (ActionState & { generatedPassword?: string | null; values?: Record<string, string> }) | null;

export async function createStaffAction(_state: CreateStaffState, formData: FormData): Promise<CreateStaffState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('admin');
  const fields = formFields(formData);
  const values = {
    email: fields.email?.slice(0, 254) ?? '',
    name: fields.name?.slice(0, 100) ?? '',
    role: fields.role ?? '',
  };
  const parsed = CreateStaffSchema.safeParse(fields);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  const result = await createStaffMember(await actorOf(staff), parsed.data);
  if (!result.ok) return { ...result, values };
  revalidatePath('/admin/equipe');
  return {
    ok: true,
    message: `Compte créé pour ${parsed.data.name} (${STAFF_ROLE_LABELS[parsed.data.role]}).`,
    generatedPassword: result.generatedPassword,
  };
}

export async function changeRoleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('admin');
  const parsed = ChangeRoleSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeRole(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/equipe');
  return { ok: true, message: `Rôle : ${STAFF_ROLE_LABELS[parsed.data.role]}.` };
}

export async function setStaffDisabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('admin');
  const parsed = SetDisabledSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await setDisabled(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/equipe');
  return {
    ok: true,
    message: parsed.data.disabled
      ? `Compte désactivé ; ${result.endedSessions} session${result.endedSessions > 1 ? 's' : ''} fermée${result.endedSessions > 1 ? 's' : ''}.`
      : 'Compte réactivé.',
  };
}
