'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireReader } from '@/lib/auth/require-reader';
import { cancelReaderAlert } from '@/lib/data/readers/reader-alerts';

const AlertIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** "Annuler" beside an alert in the account: a plain form, without JavaScript. */
export async function cancelReaderAlertAction(formData: FormData): Promise<void> {
  const reader = await requireReader();
  const id = AlertIdSchema.safeParse(formData instanceof FormData ? formData.get('id') : null);
  const result = id.success ? await cancelReaderAlert(reader, id.data) : null;
  redirect(result?.ok ? '/compte/alertes?annulee=1' : '/compte/alertes?erreur=1');
}
