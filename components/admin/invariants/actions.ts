'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { checkInvariantsNow } from '@/lib/data/watch/invariants';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** "Vérifier maintenant": the invariant check at once, rather than at the worker's next run. */
export async function checkInvariantsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const result = await checkInvariantsNow(await actorOf(staff));
  if (!result.ok) return result;
  revalidatePath('/admin/etat');
  const { violationCount } = result;
  return {
    ok: true,
    message:
      violationCount === 0
        ? 'Vérification faite : aucune anomalie.'
        : `Vérification faite : ${violationCount} anomalie${violationCount > 1 ? 's' : ''}.`,
  };
}
