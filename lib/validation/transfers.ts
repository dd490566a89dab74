import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { parseEuros } from '@/lib/invoicing/transfers';
import { dayField } from './day-field';

// The forms of transfers received and reminders (the order page, /admin/factures-sur-compte):
// docs/decisions/029-transfers-received.md.

export const INVOICE_NUMBER = /^F\d{4}-\d{6}$/;

const invoiceNumber = z
  .string({ error: 'Choisissez la facture.' })
  .regex(INVOICE_NUMBER, { error: 'Choisissez la facture.' });

export const TransferFormSchema = z.object({
  invoiceNumber,
  amount: z.string({ error: 'Indiquez le montant reçu.' }).transform((value, ctx) => {
    const cents = parseEuros(value);
    if (cents === null || cents === 0) {
      ctx.addIssue({ code: 'custom', message: 'Montant en euros, par exemple 1 234,56.' });
      return z.NEVER;
    }
    return cents;
  }),
  receivedOn: dayField('Indiquez la date de réception du virement.'),
  bankReference: plainText(140, 'Indiquez la référence du virement sur le relevé bancaire.'),
});

export const ReverseTransferSchema = z.object({
  paymentId: z
    .string({ error: 'Virement introuvable.' })
    .regex(/^\d{1,9}$/, { error: 'Virement introuvable.' })
    .transform(Number),
  reason: plainText(500, 'Indiquez pourquoi ce virement est annulé.'),
});

export const ReminderFormSchema = z.object({ invoiceNumber });

export const INVOICE_FILTERS = {
  'a-regler': 'due',
  'en-retard': 'overdue',
  reglees: 'settled',
  toutes: 'all',
} as const;

export const INVOICE_FILTER_LABELS: Record<keyof typeof INVOICE_FILTERS, string> = {
  'a-regler': 'À régler',
  'en-retard': 'En retard',
  reglees: 'Réglées',
  toutes: 'Toutes',
};

export const InvoicesOnAccountQuerySchema = z.object({
  etat: z
    .enum(Object.keys(INVOICE_FILTERS) as [keyof typeof INVOICE_FILTERS, ...(keyof typeof INVOICE_FILTERS)[]])
    .catch('a-regler'),
});
