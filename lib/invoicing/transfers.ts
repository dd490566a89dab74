import { formatPrice } from '@/lib/core/money';
import { failure, type Result } from '@/lib/core/result';

// Transfers received on an invoice on account (docs/decisions/029-transfers-received.md). Pure.
// What is owed on an invoice is its total less its credit notes (a credit note cancels part of it:
// BOI-TVA-DECLA-30-20-20) less the transfers received; staff may never record more than that.

export type InvoiceBalance = {
  totalCents: number;
  creditedCents: number;
  paidCents: number;
  /** Still to be paid; negative when the shop owes the difference back (a credit note after payment). */
  dueCents: number;
};

export function invoiceBalance(input: {
  totalCents: number;
  creditedCents: number;
  paidCents: number;
}): InvoiceBalance {
  return { ...input, dueCents: input.totalCents - input.creditedCents - input.paidCents };
}

/** Paid in full: some money came, and nothing remains (a credit note alone settles nothing). */
export function isSettled(balance: InvoiceBalance): boolean {
  return balance.paidCents > 0 && balance.dueCents <= 0;
}

/**
 * An amount typed the French way: « 1 234,56 », « 1234,5 », « 80 », « 80,00 € » (spaces, no-break
 * spaces and the euro sign ignored). Integer cents, or null when it is not an amount.
 */
export function parseEuros(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d{1,9})(?:,(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** A transfer of `amountCents` on an invoice that still has `dueCents` to pay. */
export function checkTransfer(
  invoiceNumber: string,
  amountCents: number,
  dueCents: number,
): Result<object, 'NOTHING_DUE' | 'OVERPAYMENT' | 'INVALID_AMOUNT'> {
  if (amountCents <= 0) return failure('INVALID_AMOUNT', 'Indiquez un montant supérieur à zéro.');
  if (dueCents <= 0)
    return failure('NOTHING_DUE', `La facture ${invoiceNumber} est déjà réglée : aucun virement n’est attendu.`);
  if (amountCents > dueCents)
    return failure(
      'OVERPAYMENT',
      `Virement refusé : ${formatPrice(amountCents)} dépasse le reste dû sur la facture ${invoiceNumber} (${formatPrice(dueCents)}). Un autre virement vient peut-être d’être enregistré : rechargez la page.`,
    );
  return { ok: true };
}

/** Whole days between the due date and today (both YYYY-MM-DD, Paris); 0 when not yet late. */
export function daysLate(dueOn: string, today: string): number {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/** The day's number used as the reminder e-mail's version in the outbox: "2027-01-07" → 20270107. */
export function reminderVersion(day: string): number {
  return Number(day.replaceAll('-', ''));
}
