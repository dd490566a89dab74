import { z } from 'zod';
import { CARRIER_IDS, CARRIERS, normalizeTrackingNumber } from '@/lib/orders/carriers';
import { MAX_QUANTITY_PER_LINE } from '@/lib/orders/allocation';
import { MAX_REFUND_CENTS, REFUND_FORM_REASONS } from '@/lib/orders/refund-plan';
import { STAFF_TRANSITIONS, type StaffTransition } from '@/lib/orders/workflow';
import { addCalendarDays, isoDay, toParisDay } from '@/lib/availability/paris-calendar';
import { dayField } from './day-field';
import { idField } from './staff';

// Forms of the order page. Every one posts the order's reference and, when it changes the
// order's state, the version it showed (lib/data/order-desk/order-lock.ts).

export const ORDER_REFERENCE = /^LF-[0-9A-HJKMNP-TV-Z]{8}$/;

const reference = z.string({ error: 'Commande inconnue.' }).regex(ORDER_REFERENCE, { error: 'Commande inconnue.' });
const version = z
  .string({ error: 'La commande a changé, rechargez la page.' })
  .regex(/^\d{1,9}$/, { error: 'La commande a changé, rechargez la page.' })
  .transform(Number);

const note = z
  .string()
  .trim()
  .max(500, { error: '500 caractères au plus.' })
  .optional()
  .transform((value) => value || null);

const STATUS_TRANSITIONS = STAFF_TRANSITIONS.filter((t) => t !== 'cancel') as Exclude<StaffTransition, 'cancel'>[];

export const StatusChangeSchema = z
  .object({
    reference,
    version,
    transition: z.enum(STATUS_TRANSITIONS, { error: 'Étape inconnue.' }),
    carrier: z.enum(CARRIER_IDS, { error: 'Choisissez un transporteur.' }).optional(),
    trackingNumber: z.string().max(60, { error: 'Numéro de suivi invalide.' }).optional(),
  })
  .transform((form, ctx) => {
    if (form.transition !== 'ship')
      return { reference: form.reference, version: form.version, transition: form.transition };
    if (!form.carrier) {
      ctx.addIssue({ code: 'custom', path: ['carrier'], message: 'Choisissez un transporteur.' });
      return z.NEVER;
    }
    const trackingNumber = normalizeTrackingNumber(form.carrier, form.trackingNumber ?? '');
    if (!trackingNumber) {
      ctx.addIssue({
        code: 'custom',
        path: ['trackingNumber'],
        message: `Numéro de suivi ${CARRIERS[form.carrier].label} invalide (exemple : ${CARRIERS[form.carrier].example}).`,
      });
      return z.NEVER;
    }
    return { ...form, transition: form.transition, shipment: { carrier: form.carrier, trackingNumber } };
  });

export const ReceiveLineSchema = z.object({ reference, version, lineId: idField('Ligne de commande inconnue.') });

/** The distributor's new date for a line's awaited copies: from today (Paris) to a year ahead. */
export const AnnounceDelaySchema = z.object({
  reference,
  version,
  lineId: idField('Ligne de commande inconnue.'),
  expectedOn: dayField('Indiquez la date annoncée par le distributeur.').refine(
    (day) => {
      const today = toParisDay(new Date()).day;
      return isoDay(day) >= isoDay(today) && isoDay(day) <= isoDay(addCalendarDays(today, 366));
    },
    { error: 'La date annoncée doit tomber entre aujourd’hui et dans un an.' },
  ),
});

export const CommentSchema = z.object({
  reference,
  text: z
    .string({ error: 'Écrivez le commentaire.' })
    .trim()
    .min(1, { error: 'Écrivez le commentaire.' })
    .max(2000, { error: '2 000 caractères au plus.' }),
});

export const ClearAttentionSchema = z.object({ reference, version });

export const CancelCounterOrderSchema = z.object({
  reference,
  version,
  confirm: z.literal('oui', { error: 'Cochez la case pour confirmer l’annulation.' }),
});

export const CancelOrderSchema = z.object({
  reference,
  version,
  note,
  confirm: z.literal('oui', { error: 'Cochez la case pour confirmer l’annulation et le remboursement.' }),
});

/** "12", "12,5", "12.50" → 1250 cents, with no floating point; empty → 0. */
export const euroAmount = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return 0;
    const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(value.replace(/\s|€/g, ''));
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'Montant en euros, par exemple 5 ou 2,50.' });
      return z.NEVER;
    }
    const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    if (cents > MAX_REFUND_CENTS) {
      ctx.addIssue({ code: 'custom', message: 'Montant trop élevé.' });
      return z.NEVER;
    }
    return cents;
  });

const copies = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, { error: `Nombre d’exemplaires entre 0 et ${MAX_QUANTITY_PER_LINE}.` })
  .transform(Number);

export const RefundFormSchema = z.object({
  reference,
  version,
  mode: z.enum(['partial', 'everything'], { error: 'Action inconnue.' }),
  reason: z.enum(REFUND_FORM_REASONS, { error: 'Choisissez un motif.' }),
  note,
  shipping: z.literal('oui').optional(),
  extra: euroAmount.optional(),
  // `qty-<line id>` fields, gathered by refundFormValues.
  lines: z
    .array(z.object({ orderLineId: z.number().int().positive(), quantity: copies }))
    .max(200, { error: 'Trop de lignes.' }),
});

/** The refund form's fields, with its per-line quantities gathered into `lines`. */
export function refundFormValues(fields: Record<string, string>) {
  const lines: { orderLineId: number; quantity: string }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const match = /^qty-(\d{1,9})$/.exec(key);
    if (match) lines.push({ orderLineId: Number(match[1]), quantity: value });
  }
  const { reference: ref, version: ver, mode, reason, note: text, shipping, extra } = fields;
  return { reference: ref, version: ver, mode, reason, note: text, shipping, extra, lines };
}

export const RetryRefundSchema = z.object({ reference, refundId: idField('Remboursement inconnu.') });
