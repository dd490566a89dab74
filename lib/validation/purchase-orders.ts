import { z } from 'zod';
import { dayField } from './day-field';
import { idField } from './staff';
import { copies, MAX_DOCUMENT_LINES, version } from './stock-desk';

// Orders to distributors (/admin/commandes-fournisseurs).

/** Fields "<prefix><id>" → [{ id, quantity }] (quantities 0 to MAX_COPIES_PER_LINE). */
export function quantityFields(fields: Record<string, string>, prefix: string) {
  const lines: { id: number; quantity: string }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const match = new RegExp(`^${prefix}(\\d{1,9})$`).exec(key);
    if (match) lines.push({ id: Number(match[1]), quantity: value });
  }
  return lines;
}

export const quantityLines = z
  .array(z.object({ id: z.number().int().positive(), quantity: copies(undefined, 0) }))
  .min(1, { error: 'Aucune ligne.' })
  .max(MAX_DOCUMENT_LINES, { error: `${MAX_DOCUMENT_LINES} lignes au plus.` });

export const CreatePurchaseOrderSchema = z.object({
  supplierId: idField('Distributeur inconnu.'),
  lines: quantityLines,
});

export const UpdatePurchaseOrderSchema = z.object({
  purchaseOrderId: idField('Commande fournisseur inconnue.'),
  version,
  lines: quantityLines,
});

const isoDay = dayField('Indiquez la date d’envoi.');

export const SendPurchaseOrderSchema = z.object({
  purchaseOrderId: idField('Commande fournisseur inconnue.'),
  version,
  sentOn: isoDay.refine((date) => Math.abs(date.getTime() - Date.now()) < 366 * 86_400_000, {
    error: 'La date d’envoi doit tomber dans l’année.',
  }),
});

export const PurchaseOrderRefSchema = z.object({ purchaseOrderId: idField('Commande fournisseur inconnue.'), version });
