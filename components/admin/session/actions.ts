'use server';

import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { clearSessionToken } from '@/lib/auth/staff-cookies';
import { endStaffSession } from '@/lib/data/staff/staff';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** "Se déconnecter": the session row goes at once, then the cookie. */
export async function logoutAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  await endStaffSession(await actorOf(staff));
  await clearSessionToken();
  redirect('/admin/connexion');
}
