// The e-mails the shop sends its customers, and what makes each one unique in the outbox
// (EmailMessage's key: kind, order, version). Pure; the database enum EmailKind is checked against
// this list in lib/data/platform/enum-checks.ts.

export const EMAIL_KINDS = [
  'order_confirmation',
  'payment_failed',
  'payment_expired',
  'shipped',
  'ready_for_pickup',
  'delayed',
  'refunded',
  'withdrawal_received',
  'tracking_link',
  'book_request_received',
  'book_request_answered',
  'availability_alert_confirm',
  'availability_alert_available',
  'availability_alert_out_of_print',
  'sign_in_link',
  'payment_reminder',
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

/** What staff read in the outbox (/admin/emails). */
export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  order_confirmation: 'Confirmation de commande',
  payment_failed: 'Paiement refusé',
  payment_expired: 'Paiement non abouti',
  shipped: 'Commande expédiée',
  ready_for_pickup: 'Prête au retrait',
  delayed: 'Nouveau délai',
  refunded: 'Remboursement',
  withdrawal_received: 'Rétractation reçue',
  tracking_link: 'Lien de suivi',
  book_request_received: 'Demande de livre reçue',
  book_request_answered: 'Réponse à une demande de livre',
  availability_alert_confirm: 'Confirmation d’une alerte de disponibilité',
  availability_alert_available: 'Livre disponible (alerte)',
  availability_alert_out_of_print: 'Livre épuisé (alerte)',
  sign_in_link: 'Lien de connexion',
  payment_reminder: 'Relance de paiement (facture sur compte)',
};

/** The e-mails about a reader's request for a book the catalogue lacks, not about an order. */
export const BOOK_REQUEST_EMAIL_KINDS = ['book_request_received', 'book_request_answered'] as const;
export type BookRequestEmailKind = (typeof BOOK_REQUEST_EMAIL_KINDS)[number];
/** The e-mails about a reader's availability alert, each with the alert's link (confirm, cancel). */
export const AVAILABILITY_ALERT_EMAIL_KINDS = [
  'availability_alert_confirm',
  'availability_alert_available',
  'availability_alert_out_of_print',
] as const;
export type AvailabilityAlertEmailKind = (typeof AVAILABILITY_ALERT_EMAIL_KINDS)[number];

export function isAvailabilityAlertKind(kind: EmailKind): kind is AvailabilityAlertEmailKind {
  return (AVAILABILITY_ALERT_EMAIL_KINDS as readonly EmailKind[]).includes(kind);
}

/** The e-mail of a sign-in at /compte/connexion, about no order: its link and code. */
export const READER_EMAIL_KINDS = ['sign_in_link'] as const;
export type ReaderEmailKind = (typeof READER_EMAIL_KINDS)[number];
/** The reminder of an overdue invoice on account, to the organisation's billing address (lib/data/invoicing/payment-reminders.ts). */
export const INVOICE_EMAIL_KINDS = ['payment_reminder'] as const;
export type InvoiceEmailKind = (typeof INVOICE_EMAIL_KINDS)[number];
export type OrderEmailKind = Exclude<
  EmailKind,
  BookRequestEmailKind | ReaderEmailKind | AvailabilityAlertEmailKind | InvoiceEmailKind
>;

/** The e-mails that carry a tracking link (a fresh token each); the others point back to the cart. */
export function carriesTrackingLink(kind: EmailKind): boolean {
  return (
    kind !== 'payment_failed' &&
    kind !== 'payment_expired' &&
    !(BOOK_REQUEST_EMAIL_KINDS as readonly EmailKind[]).includes(kind) &&
    !(READER_EMAIL_KINDS as readonly EmailKind[]).includes(kind) &&
    !(INVOICE_EMAIL_KINDS as readonly EmailKind[]).includes(kind) &&
    !isAvailabilityAlertKind(kind)
  );
}

/**
 * What a link e-mail was asked for: to follow the order (/suivi), or to withdraw from it
 * (/retractation, the withdrawal function of art. L221-21): the link then opens the declaration.
 */
export type LinkPurpose = 'tracking' | 'withdrawal';

/** A link asked at /suivi or /retractation is sent at most once a minute per order and purpose (the same minute: one e-mail). */
export const TRACKING_LINK_WINDOW_MS = 60_000;

/**
 * The `version` of an e-mail: which occurrence of its kind for its order. An e-mail an order gets
 * once (its confirmation, its dispatch…) is version 0, since the workflow never goes back; a
 * refund or a withdrawal is its row's id; a delay is the new estimate (yyyymmdd), so the same
 * estimate twice is one e-mail; a tracking link is the minute it was asked. A book request gets
 * one acknowledgement and one answer: version 0 each; a sign-in link one e-mail: version 0. An
 * availability alert's confirmation is the count of those asked before it (asking again sends
 * another); its last e-mail is version 0.
 */
export function emailVersion(
  event:
    | { kind: Exclude<EmailKind, 'refunded' | 'withdrawal_received' | 'delayed' | 'tracking_link' | InvoiceEmailKind> }
    | { kind: 'refunded'; refundId: number }
    | { kind: 'withdrawal_received'; withdrawalId: number }
    | { kind: 'delayed'; latestOn: string }
    | { kind: 'tracking_link'; askedAt: Date; purpose: LinkPurpose },
): number {
  switch (event.kind) {
    case 'refunded':
      return event.refundId;
    case 'withdrawal_received':
      return event.withdrawalId;
    case 'delayed':
      return Number(event.latestOn.replaceAll('-', ''));
    case 'tracking_link':
      // Asked for tracking or for withdrawing, the same minute: two e-mails, each once.
      return (
        Math.floor(event.askedAt.getTime() / TRACKING_LINK_WINDOW_MS) * 2 + (event.purpose === 'withdrawal' ? 1 : 0)
      );
    default:
      return 0;
  }
}
