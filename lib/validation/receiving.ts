import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { idField } from './staff';
import { copies, discount, MAX_DOCUMENT_LINES, scannedEan, version } from './stock-desk';

// Receiving a delivery (/admin/receptions).

export const LookupSchema = z.object({ ean: scannedEan });

const DeliveryLineSchema = z.object({
  ean: scannedEan,
  quantity: copies(),
  discountBasisPoints: discount,
  terms: z.enum(['firm', 'on_approval'], { error: 'Choisissez ferme ou office.' }),
});

export const DeliverySchema = z
  .object({
    supplierId: idField('Choisissez le distributeur.'),
    noteNumber: plainText(40, 'Indiquez le numéro du bon de livraison ou de la facture.'),
    purchaseOrderId: idField('Commande fournisseur inconnue.').optional(),
    purchaseOrderVersion: version.optional(),
    lines: z
      .array(DeliveryLineSchema)
      .min(1, { error: 'Scannez au moins un livre avant de valider.' })
      .max(MAX_DOCUMENT_LINES, { error: `${MAX_DOCUMENT_LINES} lignes au plus par réception.` }),
  })
  .transform(({ purchaseOrderId, purchaseOrderVersion, ...form }, ctx) => {
    if (purchaseOrderId !== undefined && purchaseOrderVersion === undefined) {
      ctx.addIssue({ code: 'custom', message: 'La page a changé : rechargez-la.' });
      return z.NEVER;
    }
    return {
      ...form,
      purchaseOrder:
        purchaseOrderId === undefined ? null : { id: purchaseOrderId, version: purchaseOrderVersion as number },
    };
  });

/**
 * Fields "line-<n>-ean", "line-<n>-qty", "line-<n>-remise", "line-<n>-conditions" gathered into
 * lines, in the order of n. A line number the screen never makes is refused as a line without
 * its fields.
 */
export function deliveryFormValues(fields: Record<string, string>) {
  const lines = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(fields)) {
    const match = /^line-(\d{1,3})-(ean|qty|remise|conditions)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const line = lines.get(index) ?? {};
    line[match[2]!] = value;
    lines.set(index, line);
  }
  return {
    supplierId: fields.supplierId,
    noteNumber: fields.noteNumber,
    purchaseOrderId: fields.purchaseOrderId || undefined,
    purchaseOrderVersion: fields.purchaseOrderVersion || undefined,
    lines: [...lines.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, line]) => ({
        ean: line.ean,
        quantity: line.qty,
        discountBasisPoints: line.remise,
        terms: line.conditions,
      })),
  };
}

/** A despatch advice is small (a DESADV of 500 lines is about 30 KB): well under the 1 MB a form may post. */
export const MAX_DESPATCH_FILE_BYTES = 512 * 1024;

/**
 * The distributor's despatch advice uploaded on the receiving screen (field "avis"), and the
 * purchase order the screen was opened for, used when the file names none (a CSV note).
 */
export const DespatchFileSchema = z.object({
  purchaseOrderId: idField('Commande fournisseur inconnue.').optional(),
  avis: z
    .instanceof(File, { error: 'Choisissez le fichier de l’avis d’expédition (EDI DESADV ou CSV).' })
    .refine((file) => file.size > 0, { error: 'Le fichier est vide.' })
    .refine((file) => file.size <= MAX_DESPATCH_FILE_BYTES, {
      error: `Fichier trop lourd : ${MAX_DESPATCH_FILE_BYTES / 1024} Ko au plus pour un avis d’expédition.`,
    }),
});
