// How long an organisation may take to pay an invoice. Pure.
import { failure, type Failure } from '@/lib/core/result';

/**
 * Between businesses: at most 60 days from the invoice's date (Code de commerce, art. L441-10, I,
 * al. 2). The 45-days-end-of-month variant of the same article is not offered.
 */
export const MAX_BUSINESS_PAYMENT_TERM_DAYS = 60;

/**
 * A public buyer: 30 days (Code de la commande publique, art. R2192-10: the State, its
 * administrative public bodies, local authorities and their public bodies). Public hospitals
 * (50 days, R2192-11) are not distinguished: the shorter term is asked of them too.
 */
export const PUBLIC_BUYER_PAYMENT_TERM_DAYS = 30;

/**
 * A periodic invoice (a monthly statement, CGI art. 289, I-3): « le délai convenu entre les parties
 * ne peut dépasser quarante-cinq jours à compter de la date d'émission de la facture » (C. com. L441-10, I).
 */
export const MAX_PERIODIC_INVOICE_TERM_DAYS = 45;

export const DEFAULT_PAYMENT_TERM_DAYS = 30;

export function maxPaymentTermDays(publicBuyer: boolean, monthlyStatement = false): number {
  if (publicBuyer) return PUBLIC_BUYER_PAYMENT_TERM_DAYS;
  return monthlyStatement ? MAX_PERIODIC_INVOICE_TERM_DAYS : MAX_BUSINESS_PAYMENT_TERM_DAYS;
}

export function checkPaymentTerm(
  days: number,
  publicBuyer: boolean,
  monthlyStatement = false,
): { ok: true } | Failure<'PAYMENT_TERM_TOO_LONG'> {
  if (days <= maxPaymentTermDays(publicBuyer, monthlyStatement)) return { ok: true };
  const message = publicBuyer
    ? `Délai de paiement de ${days} jours refusé : un acheteur public paie sous ${PUBLIC_BUYER_PAYMENT_TERM_DAYS} jours (Code de la commande publique, art. R2192-10).`
    : monthlyStatement
      ? `Délai de paiement de ${days} jours refusé : au plus ${MAX_PERIODIC_INVOICE_TERM_DAYS} jours à compter d’un relevé mensuel (Code de commerce, art. L441-10, I).`
      : `Délai de paiement de ${days} jours refusé : au plus ${MAX_BUSINESS_PAYMENT_TERM_DAYS} jours à compter de la date de la facture (Code de commerce, art. L441-10).`;
  return failure('PAYMENT_TERM_TOO_LONG', message, { fieldErrors: { paymentTermDays: message } });
}
