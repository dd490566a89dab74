'use server';

import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { erasePersonalData } from '@/lib/data/privacy/subject-requests';
import { ErasureFormSchema } from '@/lib/validation/personal-data';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** "Effacer" (RGPD art. 17): what the law allows, for one address; admins only. */
export async function erasePersonalDataAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('admin');
  const parsed = ErasureFormSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await erasePersonalData(await actorOf(staff), parsed.data.email);
  if (!result.ok) return result;
  const { unpaidOrders, paidOrders, bookRequests } = result;
  return {
    ok: true,
    message: `Effacement fait : ${unpaidOrders} commande(s) non payée(s) anonymisée(s), ${paidOrders} commande(s) payée(s) sans e-mail ni téléphone (la facture garde le nom et l’adresse 10 ans), ${bookRequests} demande(s) de livre anonymisée(s) ; ses alertes de disponibilité supprimées.`,
  };
}
