// How long the shop keeps personal data, as the privacy notice states it (/donnees-personnelles)
// and the purge job enforces it (lib/data/privacy/retention.ts). RGPD art. 5.1.e (storage
// limitation) and art. 13.2.a (the periods are told to the person); the invoice's 10 years:
// Code de commerce, art. L123-22 (accounting documents) and CGI, art. 242 nonies A (what an
// invoice carries). Pure.

export const RETENTION = {
  /** An order never paid (expired, refused, replaced): its contact data, then anonymised. */
  unpaidOrderDays: 30,
  /** A paid order's contact data the invoice does not need (e-mail, phone), then anonymised. */
  paidOrderContactYears: 3,
  /**
   * The invoice and what it carries (the buyer's name and address, the amounts): 10 years from the
   * close of the financial year (C. com. L123-22), so deleted after 11 years from its issue.
   */
  invoiceYears: 10,
  invoiceDeletedAfterYears: 11,
  /** The bodies of the e-mails sent (their copies in the outbox). */
  emailBodyDays: 365,
  /** The IP addresses in the staff's audit log. */
  auditIpDays: 365,
  /** A request for a book the catalogue lacks, after its answer. */
  bookRequestDays: 365,
  /**
   * An availability alert never confirmed: deleted when its link stops confirming
   * (lib/alerts/availability-alert.ts, ALERT_CONFIRMATION_DAYS).
   */
  unconfirmedAlertDays: 7,
  /** An availability alert closed by its e-mail (the book available or out of print), then deleted with that e-mail. */
  closedAlertDays: 30,
  /** A cart untouched (its cookie's life). */
  cartDays: 30,
  /**
   * A reader's account (e-mail, saved addresses) not signed in to for this long: deleted. The
   * CNIL's référentiel on commercial management (délibération n° 2021-131 du 23 septembre 2021)
   * keeps a customer's data 3 years from their last contact; a sign-in is such a contact.
   */
  readerInactiveYears: 3,
  /** A sign-in link (valid 15 minutes), used or not: deleted a day after it expired, its e-mail with it. */
  signInLinkDays: 1,
} as const;

const DAY_MS = 24 * 3600_000;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The same calendar day, `years` earlier (UTC). */
export function yearsBefore(now: Date, years: number): Date {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date;
}
