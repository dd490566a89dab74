'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  markPurchaseOrderSent,
  updatePurchaseOrderQuantities,
} from '@/lib/data/stock-desk/purchase-orders';
import {
  CreatePurchaseOrderSchema,
  PurchaseOrderRefSchema,
  quantityFields,
  SendPurchaseOrderSchema,
  UpdatePurchaseOrderSchema,
} from '@/lib/validation/purchase-orders';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

// Distributor orders: a purchase list prepared from the proposal, adjusted, sent, cancelled.

function revalidateLists(id?: number) {
  revalidatePath('/admin/commandes-fournisseurs');
  if (id) revalidatePath(`/admin/commandes-fournisseurs/${id}`);
}

export async function createPurchaseOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const fields = formFields(formData);
  const parsed = CreatePurchaseOrderSchema.safeParse({
    supplierId: fields.supplierId,
    lines: quantityFields(fields, 'qty-'),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createPurchaseOrder(await actorOf(staff), {
    supplierId: parsed.data.supplierId,
    lines: parsed.data.lines.map((line) => ({ bookId: line.id, quantity: line.quantity })),
  });
  if (!result.ok) return result;
  revalidateLists();
  redirect(`/admin/commandes-fournisseurs/${result.purchaseOrderId}`);
}

export async function updatePurchaseOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const fields = formFields(formData);
  const parsed = UpdatePurchaseOrderSchema.safeParse({
    purchaseOrderId: fields.purchaseOrderId,
    version: fields.version,
    lines: quantityFields(fields, 'line-'),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updatePurchaseOrderQuantities(await actorOf(staff), {
    purchaseOrderId: parsed.data.purchaseOrderId,
    version: parsed.data.version,
    lines: parsed.data.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
  });
  if (!result.ok) return result;
  revalidateLists(parsed.data.purchaseOrderId);
  return { ok: true, message: 'Quantités enregistrées.' };
}

export async function sendPurchaseOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = SendPurchaseOrderSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await markPurchaseOrderSent(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateLists(parsed.data.purchaseOrderId);
  return { ok: true, message: 'Commande marquée envoyée.' };
}

export async function cancelPurchaseOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = PurchaseOrderRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await cancelPurchaseOrder(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidateLists(parsed.data.purchaseOrderId);
  return { ok: true, message: 'Commande fournisseur annulée.' };
}
