import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { quantityLines } from './purchase-orders';
import { idField } from './staff';

// Returns to distributors (/admin/retours).

export const SupplierReturnSchema = z.object({
  supplierId: idField('Distributeur inconnu.'),
  authorizationNumber: plainText(40)
    .optional()
    .transform((value) => value || null),
  lines: quantityLines,
});
