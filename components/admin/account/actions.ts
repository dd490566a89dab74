'use server';

import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { changeOwnPassword } from '@/lib/auth/staff-accounts';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { ChangePasswordSchema } from '@/lib/validation/staff';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** A member of staff changes their own password; the old one is required. */
export async function changePasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ChangePasswordSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeOwnPassword(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  const others = result.endedSessions;
  return {
    ok: true,
    message: `Mot de passe changé.${others > 0 ? ` ${others} autre${others > 1 ? 's' : ''} session${others > 1 ? 's' : ''} fermée${others > 1 ? 's' : ''}.` : ''}`,
  };
}
