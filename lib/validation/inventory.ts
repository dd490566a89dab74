import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { MAX_COUNTED_COPIES } from '@/lib/stock/inventory-csv';
import { idField } from './staff';
import { scannedEan } from './stock-desk';

// Inventories (/admin/inventaire).

export const INVENTORY_SCOPES = ['counted_books', 'whole_shop'] as const;

export const StartInventorySchema = z.object({
  label: plainText(120, 'Donnez un nom à l’inventaire (par exemple « Rayon droit, décembre »).'),
  scope: z.enum(INVENTORY_SCOPES, { error: 'Choisissez le type d’inventaire.' }),
});

export const CountedCopiesSchema = z.object({
  inventoryId: idField('Inventaire inconnu.'),
  ean: scannedEan,
  quantity: z
    .string({ error: `Un nombre d’exemplaires entre 0 et ${MAX_COUNTED_COPIES}.` })
    .trim()
    .regex(/^\d{1,5}$/, { error: `Un nombre d’exemplaires entre 0 et ${MAX_COUNTED_COPIES}.` })
    .transform(Number),
  mode: z.enum(['add', 'set'], { error: 'Action inconnue.' }),
});

export const InventoryRefSchema = z.object({ inventoryId: idField('Inventaire inconnu.') });

export const ValidateInventorySchema = z.object({
  inventoryId: idField('Inventaire inconnu.'),
  confirm: z.literal('oui', { error: 'Cochez la case pour confirmer les ajustements.' }),
});
