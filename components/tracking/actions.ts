'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { requestTrackingLink } from '@/lib/data/customer-mail/tracking-lookup';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { declareWithdrawal, previewWithdrawal } from '@/lib/data/order-desk/withdrawals';
import { cancelPreOrder } from '@/lib/refunds/pre-orders';
import { formatDateAtTime } from '@/lib/core/date-time';
import { clientAddress } from '@/lib/http/client-address';
import { failure, type Failure } from '@/lib/core/result';
import { TrackingLookupSchema, WithdrawalFormSchema, withdrawalFormValues } from '@/lib/validation/tracking';
import { fieldErrors, formFields, invalidInput } from '@/lib/validation/zod-errors';
import { formatCopies } from '@/lib/core/copies';

// The customers' actions of /suivi. Public: a customer has no account; the tracking link is the
// only key to an order (lib/data/customer-mail/tracking-tokens.ts), and the lookup answers without saying
// whether the order exists.

export type LookupState = (Failure & { values?: Record<string, string> }) | { ok: true; message: string } | null;

/** "Recevoir un lien de suivi" or "… de rétractation": always the same answer; the matching happens in a job. */
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
  const purpose = fields.purpose === 'withdrawal' ? 'withdrawal' : 'tracking';
  const result = await requestTrackingLink(parsed.data, await clientAddress(), new Date(), purpose);
  return result.ok ? { ok: true, message: result.message } : { ...result, values };
}

export type WithdrawalSummary = {
  fullName: string;
  wholeOrder: boolean;
  reason: string | null;
  lines: { title: string; quantity: number }[];
};

export type WithdrawalState =
  | (Failure & { values?: Record<string, string> })
  | { ok: true; step: 'review'; summary: WithdrawalSummary; values: Record<string, string> }
  | { ok: true; step: 'edit'; values: Record<string, string> }
  | { ok: true; step: 'done'; message: string }
  | null;

/**
 * The withdrawal function (Code de la consommation, art. L221-21 and D221-5): the declaration is
 * shown back ("verifier"), then recorded by the distinct "Confirmer la rétractation"
 * ("confirmer"). The tracking link's token, posted with the form, is the authority: checked
 * again at each step, the same 404-like refusal as the page.
 */
export async function withdrawalAction(_state: WithdrawalState, formData: FormData): Promise<WithdrawalState> {
  if (!(formData instanceof FormData)) return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');
  const fields = formFields(formData);
  const now = new Date();
  const orderId = await findOrderIdByTrackingToken(fields.token ?? '', now);
  if (orderId === null)
    return failure(
      'UNKNOWN_ORDER',
      'Ce lien de suivi n’est pas valable : demandez-en un nouveau sur la page Suivre une commande.',
    );
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'token' && key !== 'step'));
  // "Modifier ma déclaration": back to the form, as it was typed.
  if (fields.step === 'modifier') return { ok: true, step: 'edit', values };
  const parsed = WithdrawalFormSchema.safeParse(withdrawalFormValues(fields));
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  if (parsed.data.step === 'verifier') {
    const plan = await previewWithdrawal(orderId, parsed.data, now);
    if (!plan.ok) return { ...failure(plan.code, plan.message), values };
    return {
      ok: true,
      step: 'review',
      summary: {
        fullName: parsed.data.fullName,
        wholeOrder: plan.wholeOrder,
        reason: parsed.data.reason,
        lines: plan.lines.map(({ title, quantity }) => ({ title, quantity })),
      },
      values: { ...values, submission: randomUUID() },
    };
  }
  const result = await declareWithdrawal(orderId, parsed.data, now, await clientAddress());
  if (!result.ok) return { ...result, values };
  revalidatePath(`/suivi/${fields.token}`);
  return {
    ok: true,
    step: 'done',
    message: `Votre rétractation est enregistrée le ${formatDateAtTime(now)} (heure de Paris), pour ${formatCopies(result.copies)}. Nous vous envoyons un accusé de réception par courriel.`,
  };
}

export type PreOrderCancelState = Failure | { ok: true; message: string } | null;

/**
 * "Confirmer l’annulation" of /suivi/<token>/annuler-precommande: the awaited pre-ordered copies
 * cancelled and refunded at once (CGV, pre-orders article). The token is the authority, checked
 * again here; the order's row lock makes a second click or a second tab find nothing left to cancel.
 */
export async function cancelPreOrderAction(
  _state: PreOrderCancelState,
  formData: FormData,
): Promise<PreOrderCancelState> {
  if (!(formData instanceof FormData)) return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');
  const token = formFields(formData).token ?? '';
  const orderId = await findOrderIdByTrackingToken(token, new Date());
  if (orderId === null)
    return failure(
      'UNKNOWN_ORDER',
      'Ce lien de suivi n’est pas valable : demandez-en un nouveau sur la page Suivre une commande.',
    );
  const result = await cancelPreOrder(orderId, await clientAddress());
  if (result.ok) revalidatePath(`/suivi/${token}`);
  return result.ok ? { ok: true, message: result.message } : result;
}
