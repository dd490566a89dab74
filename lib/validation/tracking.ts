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

/** The same answer for any pair: nothing says whether the order exists, nothing is recorded yet. */
export const WITHDRAWAL_LOOKUP_ANSWER =
  'Si cette commande existe, nous venons d’envoyer à l’adresse indiquée un lien pour terminer votre rétractation. Rien n’est enregistré avant que vous la confirmiez.';

const copies = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, { error: `Nombre d’exemplaires entre 0 et ${MAX_QUANTITY_PER_LINE}.` })
  .transform(Number);

/**
 * The withdrawal form: who declares it, `scope` whole or lines, `qty-<line id>` per line, an
 * optional reason (never required: art. L221-21), and the step: `verifier` shows the declaration
 * back, `confirmer` is the distinct "Confirmer la rétractation" (art. D221-5).
 */
export const WithdrawalFormSchema = z.object({
  step: z.enum(['verifier', 'confirmer'], { error: 'Formulaire invalide : rechargez la page.' }),
  /** Given with the declaration shown back: one confirmation, however often it is posted. */
  submission: z.uuid({ error: 'Formulaire invalide : rechargez la page.' }).optional(),
  fullName: plainText(100, 'Indiquez vos nom et prénom.'),
  scope: z.enum(['tout', 'lignes'], { error: 'Choisissez : toute la commande ou certains livres.' }),
  reason: plainText(500)
    .optional()
    .transform((value) => value || null),
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
  return {
    step: fields.step,
    submission: fields.submission || undefined,
    fullName: fields.fullName,
    scope: fields.scope,
    reason: fields.reason,
    lines,
  };
}
