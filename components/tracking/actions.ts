'use server';

import { clientAddress } from '@/lib/http/client-address';
import { requestTrackingLink } from '@/lib/data/tracking-lookup';
import { failure, type Failure } from '@/lib/validation/action-result';
import { TrackingLookupSchema } from '@/lib/validation/tracking';
import { fieldErrors, formFields } from '@/lib/validation/zod-errors';

// The customers' actions of /suivi. Public: a customer has no account; the tracking link is the
// only key to an order (lib/data/tracking-tokens.ts), and the lookup answers without saying
// whether the order exists.

export type LookupState = (Failure & { values?: Record<string, string> }) | { ok: true; message: string } | null;

/** "Recevoir un lien de suivi": always the same answer; the matching happens in a job. */
export async function requestTrackingLinkAction(_state: LookupState, formData: FormData): Promise<LookupState> {
  if (!(formData instanceof FormData)) return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');
  const fields = formFields(formData);
  const values = { reference: (fields.reference ?? '').slice(0, 40), email: (fields.email ?? '').slice(0, 254) };
  const parsed = TrackingLookupSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  const result = await requestTrackingLink(parsed.data, await clientAddress(), new Date());
  return result.ok ? { ok: true, message: result.message } : { ...result, values };
}
