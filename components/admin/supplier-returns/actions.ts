'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { recordSupplierReturn } from '@/lib/data/stock-desk/supplier-returns';
import { quantityFields } from '@/lib/validation/purchase-orders';
import { SupplierReturnSchema } from '@/lib/validation/supplier-returns';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

/** Office copies back to their distributor: SUPPLIER_RETURN in the ledger, the credit note expected. */
export async function recordReturnAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const fields = formFields(formData);
  const parsed = SupplierReturnSchema.safeParse({
    supplierId: fields.supplierId,
    authorizationNumber: fields.authorizationNumber,
    lines: quantityFields(fields, 'qty-'),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await recordSupplierReturn(await actorOf(staff), {
    supplierId: parsed.data.supplierId,
    authorizationNumber: parsed.data.authorizationNumber,
    lines: parsed.data.lines.map((line) => ({ deliveryLineId: line.id, quantity: line.quantity })),
  });
  if (!result.ok) return result;
  revalidatePath('/admin/retours');
  revalidatePath('/admin/stock');
  redirect(`/admin/retours/${result.supplierReturnId}`);
}
