'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import {
  addOrderComment,
  changeOrderStatus,
  clearOrderAttention,
  receiveBackorderedCopies,
} from '@/lib/data/order-desk/workflow';
import { cancelCounterOrder } from '@/lib/data/stock-desk/counter-orders';
import { announceSupplierDelay } from '@/lib/data/order-desk/supplier-delays';
import { refundOrder, retryRefund } from '@/lib/refunds/stripe-refunds';
import { ORDER_STATUS_LABELS } from '@/lib/orders/status';
import { TRANSITIONS } from '@/lib/orders/workflow';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import {
  AnnounceDelaySchema,
  CancelCounterOrderSchema,
  CancelOrderSchema,
  ClearAttentionSchema,
  CommentSchema,
  ReceiveLineSchema,
  refundFormValues,
  RefundFormSchema,
  RetryRefundSchema,
  StatusChangeSchema,
} from '@/lib/validation/order-desk';
import { NOT_A_FORM, type ActionState } from '../action-state';

// The order page's actions. Each: a FormData, requireStaff, zod, one lib function (one
// transaction, or the refund steps of lib/refunds/stripe-refunds.ts), revalidate.

function revalidateOrder(reference: string) {
  revalidatePath(`/admin/commandes/${reference}`);
  revalidatePath('/admin/commandes');
}

export async function changeOrderStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = StatusChangeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeOrderStatus(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateOrder(parsed.data.reference);
  return { ok: true, message: `Commande ${ORDER_STATUS_LABELS[TRANSITIONS[parsed.data.transition].to]}.` };
}

export async function receiveLineAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ReceiveLineSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await receiveBackorderedCopies(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateOrder(parsed.data.reference);
  return {
    ok: true,
    message: `${result.received} exemplaire${result.received > 1 ? 's' : ''} reçu${result.received > 1 ? 's' : ''}.`,
  };
}

export async function announceDelayAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = AnnounceDelaySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await announceSupplierDelay(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateOrder(parsed.data.reference);
  return {
    ok: true,
    message: result.customerTold
      ? 'Nouveau délai enregistré : le client est prévenu par e-mail.'
      : 'Nouveau délai enregistré ; la livraison promise ne recule pas, le client n’est pas relancé.',
  };
}

export async function addCommentAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = CommentSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await addOrderComment(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateOrder(parsed.data.reference);
  return { ok: true, message: 'Commentaire ajouté.' };
}

export async function clearAttentionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ClearAttentionSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await clearOrderAttention(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateOrder(parsed.data.reference);
  return { ok: true, message: 'Alerte marquée comme traitée.' };
}

/** Cancels before the order leaves the shop, and refunds what remains paid. */
export async function cancelOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = CancelOrderSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { reference, version, note } = parsed.data;
  const result = await refundOrder(await actorOf(staff), {
    kind: 'cancel',
    reference,
    version,
    reason: 'cancellation',
    note,
  });
  revalidateOrder(reference);
  return result.ok ? { ok: true, message: result.message } : result;
}

export async function refundAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = RefundFormSchema.safeParse(refundFormValues(formFields(formData)));
  if (!parsed.success) return invalidInput(parsed.error);
  const form = parsed.data;
  const common = { reference: form.reference, version: form.version, reason: form.reason, note: form.note };
  const result = await refundOrder(
    await actorOf(staff),
    form.mode === 'everything'
      ? { ...common, kind: 'everything' }
      : {
          ...common,
          kind: 'partial',
          request: { lines: form.lines, shipping: form.shipping === 'oui', extraCents: form.extra ?? 0 },
        },
  );
  revalidateOrder(form.reference);
  return result.ok ? { ok: true, message: result.message } : result;
}

/** Sends again, with the same Idempotency-Key, a refund Stripe never confirmed. */
export async function retryRefundAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  await requireStaff('libraire');
  const parsed = RetryRefundSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await retryRefund(parsed.data.reference, parsed.data.refundId);
  revalidateOrder(parsed.data.reference);
  return result.ok ? { ok: true, message: result.message } : result;
}

/** A counter special order the customer no longer wants: no Stripe, the till gives the money back. */
export async function cancelCounterOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = CancelCounterOrderSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await cancelCounterOrder(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateOrder(parsed.data.reference);
  return { ok: true, message: result.message };
}
