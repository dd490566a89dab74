import { z } from 'zod';
import { MAX_QUANTITY_PER_LINE } from '@/lib/orders/allocation';
import { ORDER_REFERENCE } from './order-desk';
import { plainText } from '@/lib/core/plain-text';

// The customer's forms of /suivi: the lookup (order number and e-mail) and the withdrawal.

/** "lf-7k3p 9qxw" → "LF-7K3P9QXW": spaces and case forgiven, as people copy numbers. */
export const TrackingLookupSchema = z.object({
  reference: z
    .string({ error: 'Indiquez le numéro de commande.' })
    .max(40, { error: 'Numéro de commande invalide (exemple : LF-7K3P9QXW).' })
    .transform((value) => value.replace(/\s/g, '').toUpperCase())
    .pipe(
      z
        .string()
        .min(1, { error: 'Indiquez le numéro de commande.' })
        .regex(ORDER_REFERENCE, { error: 'Numéro de commande invalide (exemple : LF-7K3P9QXW).' }),
    ),
  email: z
    .string({ error: 'Indiquez l’adresse e-mail de la commande.' })
    .max(254, { error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Indiquez l’adresse e-mail de la commande.' })
    .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' })),
});

export type TrackingLookupInput = z.output<typeof TrackingLookupSchema>;

export const TRACKING_LOOKUP_ANSWER =
  'Si cette commande existe, nous venons d’envoyer un lien de suivi à l’adresse indiquée.';

const copies = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, { error: `Nombre d’exemplaires entre 0 et ${MAX_QUANTITY_PER_LINE}.` })
  .transform(Number);

/** The withdrawal form: `scope` whole or lines, `qty-<line id>` per line, an optional reason. */
export const WithdrawalFormSchema = z.object({
  scope: z.enum(['tout', 'lignes'], { error: 'Choisissez : toute la commande ou certains livres.' }),
  reason: plainText(500)
    .optional()
    .transform((value) => value || null),
  confirm: z.literal('oui', { error: 'Cochez la case pour confirmer votre rétractation.' }),
  lines: z
    .array(z.object({ orderLineId: z.number().int().positive(), quantity: copies }))
    .max(200, { error: 'Trop de lignes.' }),
});

export type WithdrawalForm = z.output<typeof WithdrawalFormSchema>;

export function withdrawalFormValues(fields: Record<string, string>) {
  const lines: { orderLineId: number; quantity: string }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const match = /^qty-(\d{1,9})$/.exec(key);
    if (match) lines.push({ orderLineId: Number(match[1]), quantity: value });
  }
  return { scope: fields.scope, reason: fields.reason, confirm: fields.confirm, lines };
}
