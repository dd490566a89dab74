'use server';

import {
  cancelAvailabilityAlert,
  confirmAvailabilityAlert,
  requestAvailabilityAlert,
} from '@/lib/data/customer-mail/availability-alerts';
import { getCurrentReader } from '@/lib/auth/require-reader';
import { requestReaderAlert } from '@/lib/data/readers/reader-alerts';
import { clientAddress } from '@/lib/http/client-address';
import { failure, type Failure } from '@/lib/core/result';
import { AvailabilityAlertSchema } from '@/lib/validation/availability-alerts';
import { fieldErrors, formFields } from '@/lib/validation/zod-errors';

// "M'avertir de sa disponibilité" (the book page) and the alert's link (/alerte/<token>). Public:
// the e-mailed link is the key to an alert; a signed-in reader who gives the account's own
// address needs no link (lib/data/readers/reader-alerts.ts).

export type AlertRequestState = (Failure & { values?: Record<string, string> }) | { ok: true; message: string } | null;

export async function requestAvailabilityAlertAction(
  _state: AlertRequestState,
  formData: FormData,
): Promise<AlertRequestState> {
  if (!(formData instanceof FormData)) return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');
  const fields = formFields(formData);
  const values = { ean: (fields.ean ?? '').slice(0, 20), email: (fields.email ?? '').slice(0, 254) };
  const parsed = AvailabilityAlertSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez votre adresse e-mail.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  const reader = await getCurrentReader();
  const result =
    reader && reader.email === parsed.data.email
      ? await requestReaderAlert(reader, parsed.data.ean, await clientAddress())
      : await requestAvailabilityAlert(parsed.data, await clientAddress());
  return result.ok ? { ok: true, message: result.message } : { ...result, values };
}

export type AlertLinkState = Failure | { ok: true; message: string; cancelled: boolean } | null;

/** "Confirmer mon alerte" or "Annuler l'alerte": the link's token, posted with the form, is the authority. */
export async function alertLinkAction(_state: AlertLinkState, formData: FormData): Promise<AlertLinkState> {
  if (!(formData instanceof FormData)) return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');
  const fields = formFields(formData);
  const token = (fields.token ?? '').slice(0, 100);
  if (fields.step === 'annuler') {
    const cancelled = await cancelAvailabilityAlert(token);
    return cancelled.ok ? { ok: true, message: cancelled.message, cancelled: true } : cancelled;
  }
  const confirmed = await confirmAvailabilityAlert(token);
  return confirmed.ok ? { ok: true, message: confirmed.message, cancelled: false } : confirmed;
}
