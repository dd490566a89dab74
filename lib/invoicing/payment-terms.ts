import { z } from 'zod';
import { SHOP_TIME_ZONE } from '@/lib/core/date';

// What an invoice payable by transfer adds (an order on account for a customer organisation):
// the due date, the account to pay to, and the late-payment terms the law asks the invoice to
// state. Pure; computed once when the invoice is issued and stored with it (Invoice.paymentTerms).
//
// Between businesses, C. com. L441-9 (the due date on the invoice) and L441-10 II: « le taux
// d'intérêt des pénalités de retard exigibles le jour suivant la date de règlement figurant sur la
// facture […] Sauf disposition contraire qui ne peut toutefois fixer un taux inférieur à trois fois
// le taux d'intérêt légal, ce taux est égal au taux d'intérêt appliqué par la Banque centrale
// européenne à son opération de refinancement la plus récente majoré de 10 points de pourcentage »,
// and the fixed recovery indemnity, 40 € (C. com. D441-5).
// A public buyer (Code de la commande publique): late interest at the ECB's main refinancing rate
// in force on the first day of the half-year, plus 8 points (R2192-31), and the same 40 € fixed
// indemnity (D2192-35), owed of right from the end of the payment period (L2192-13).

export const PaymentTermsSnapshotSchema = z.object({
  termsDays: z.number().int(),
  /** The due date, YYYY-MM-DD (Paris calendar day). */
  dueOn: z.string(),
  purchaseOrderNumber: z.string().nullable(),
  engagementNumber: z.string().nullable(),
  iban: z.string(),
  bic: z.string(),
  publicBuyer: z.boolean(),
  penaltyText: z.string(),
  indemnityText: z.string(),
});
export type PaymentTermsSnapshot = z.infer<typeof PaymentTermsSnapshotSchema>;

/** C. com. D441-5; for a public buyer, Code de la commande publique D2192-35: 40 €. */
export const RECOVERY_INDEMNITY_CENTS = 4_000;

export const BUSINESS_PENALTY_TEXT =
  'Pénalités de retard exigibles dès le lendemain de l’échéance, sans rappel : taux de la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points de pourcentage (C. com., art. L441-10).';
export const PUBLIC_BUYER_PENALTY_TEXT =
  'Intérêts moratoires dus de plein droit dès le lendemain de l’échéance : taux de la Banque centrale européenne à ses opérations principales de refinancement, en vigueur au premier jour du semestre, majoré de 8 points de pourcentage (Code de la commande publique, art. L2192-13 et R2192-31).';
export const BUSINESS_INDEMNITY_TEXT =
  'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (C. com., art. L441-10 et D441-5).';
export const PUBLIC_BUYER_INDEMNITY_TEXT =
  'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (Code de la commande publique, art. L2192-13 et D2192-35).';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Paris calendar day of an instant, YYYY-MM-DD. */
export function parisDayOf(instant: Date): string {
  return PARIS_DAY.format(instant);
}

/** The invoice's day in Paris plus the organisation's terms in days: the date the transfer is due. */
export function dueDate(issuedAt: Date, termsDays: number): string {
  const issuedOn = new Date(`${parisDayOf(issuedAt)}T00:00:00Z`);
  issuedOn.setUTCDate(issuedOn.getUTCDate() + termsDays);
  return issuedOn.toISOString().slice(0, 10);
}

export function paymentTermsSnapshot(input: {
  issuedAt: Date;
  termsDays: number;
  publicBuyer: boolean;
  purchaseOrderNumber: string | null;
  engagementNumber: string | null;
  iban: string;
  bic: string;
}): PaymentTermsSnapshot {
  return {
    termsDays: input.termsDays,
    dueOn: dueDate(input.issuedAt, input.termsDays),
    purchaseOrderNumber: input.purchaseOrderNumber,
    engagementNumber: input.engagementNumber,
    iban: input.iban,
    bic: input.bic,
    publicBuyer: input.publicBuyer,
    penaltyText: input.publicBuyer ? PUBLIC_BUYER_PENALTY_TEXT : BUSINESS_PENALTY_TEXT,
    indemnityText: input.publicBuyer ? PUBLIC_BUYER_INDEMNITY_TEXT : BUSINESS_INDEMNITY_TEXT,
  };
}

/** "2027-01-07" → "07/01/2027". */
export function formatDueOn(dueOn: string): string {
  const [year, month, day] = dueOn.split('-');
  return `${day}/${month}/${year}`;
}

/** The IBAN in groups of four, as banks print it. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The lines an invoice payable by transfer prints under its total. */
export function paymentTermsLines(terms: PaymentTermsSnapshot): string[] {
  return [
    `Échéance : ${formatDueOn(terms.dueOn)} (${terms.termsDays} jours à compter de la date de la facture)`,
    terms.iban
      ? `Règlement par virement : IBAN ${formatIban(terms.iban)}${terms.bic ? ` — BIC ${terms.bic}` : ''}`
      : 'Règlement par virement : coordonnées bancaires sur demande',
    'Pas d’escompte pour paiement anticipé.',
    terms.penaltyText,
    terms.indemnityText,
  ];
}
