import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { parseDiscountPercent } from '@/lib/stock/purchase-cost';
import { readScannedCode } from '@/lib/stock/scanned-code';

// The fields every form of the stock desk shares (/admin/stock, receptions,
// commandes-fournisseurs, retours, inventaire, commandes clients); each feature's forms are in
// a file of its own. Messages are French and shown next to each field; anything a form never
// sends (a line number out of range, a negative quantity) is refused.

/** Copies on one line of a delivery, a purchase order, a return or an adjustment. */
export const MAX_COPIES_PER_LINE = 9_999;
/** Lines of one delivery or purchase order: a large parcel, far below what a request may carry. */
export const MAX_DOCUMENT_LINES = 500;

export const copies = (message = `Un nombre d’exemplaires entre 1 et ${MAX_COPIES_PER_LINE}.`, min = 1) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, { error: message })
    .transform(Number)
    .refine((n) => n >= min, { error: message });

/** An EAN as scanned or typed, checked with its check digit (lib/stock/scanned-code.ts). */
export const scannedEan = z
  .string({ error: 'Scannez ou tapez un EAN.' })
  .max(64, { error: 'Ce n’est pas un EAN de livre.' })
  .transform((value, ctx) => {
    const code = readScannedCode(value);
    if (code.ok) return code.ean;
    ctx.addIssue({ code: 'custom', message: code.message });
    return z.NEVER;
  });

export const discount = z
  .string({ error: 'Remise en pourcentage, par exemple 35 ou 33,5.' })
  .transform((value, ctx) => {
    const basisPoints = parseDiscountPercent(value);
    if (basisPoints !== null) return basisPoints;
    ctx.addIssue({ code: 'custom', message: 'Remise en pourcentage entre 0 et 100, par exemple 35 ou 33,5.' });
    return z.NEVER;
  });

export const version = z
  .string({ error: 'La page a changé : rechargez-la.' })
  .regex(/^\d{1,9}$/, { error: 'La page a changé : rechargez-la.' })
  .transform(Number);

export const note = plainText(500)
  .optional()
  .transform((value) => value || null);
