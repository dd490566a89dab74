import { z } from 'zod';
import { CARRIER_IDS } from '@/lib/orders/carriers';
import { TermsDocumentSchema } from '@/lib/terms/terms-document';
import { EMAIL_KINDS } from './kinds';
import { ShopIdentitySchema } from '@/lib/shop/shop-identity';

// What an e-mail shows, captured in the transaction of the change that causes it and stored with
// the message (EmailMessage.payload): the worker renders it later, exactly as the order was then.
// Money in integer cents; calendar days as "yyyy-mm-dd"; instants as ISO strings. Pure.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cents = z.number().int();

export const EmailLineSchema = z.object({
  title: z.string(),
  ean: z.string(),
  quantity: z.number().int(),
  unitPriceCents: cents,
  lineTotalCents: cents,
  vatRateBasisPoints: z.number().int(),
  /** Copies ordered from the distributor for this line. */
  backorderQuantity: z.number().int(),
  /** This line's own estimate (a line from the distributor comes later than one from the shelf). */
  deliveryEarliestOn: day.nullable(),
  deliveryLatestOn: day.nullable(),
  /** A pre-order's publication date (absent from e-mails owed before pre-orders existed). */
  preOrderPublishedOn: day.nullable().optional(),
});

export const EmailOrderSchema = z.object({
  reference: z.string(),
  fullName: z.string(),
  email: z.string(),
  deliveryMethod: z.enum(['home_delivery', 'shop_pickup']),
  orderedAt: z.string(),
  /** The terms the customer accepted (lib/terms/version.ts); absent from older e-mails. */
  termsVersion: z.string().nullable().default(null),
  lines: z.array(EmailLineSchema),
  goodsCents: cents,
  shippingCents: cents,
  totalCents: cents,
  vat: z.array(
    z.object({ rateBasisPoints: z.number().int(), baseExclVatCents: cents, vatCents: cents, inclVatCents: cents }),
  ),
  deliveryEarliestOn: day.nullable(),
  deliveryLatestOn: day.nullable(),
  /** Home delivery only. */
  address: z
    .object({
      line1: z.string(),
      line2: z.string().nullable(),
      postalCode: z.string(),
      city: z.string(),
    })
    .nullable(),
});

export type EmailOrder = z.infer<typeof EmailOrderSchema>;
export type EmailLine = z.infer<typeof EmailLineSchema>;

const RefundDetailSchema = z.object({
  amountCents: cents,
  shippingCents: cents,
  extraCents: cents,
  lines: z.array(z.object({ title: z.string(), quantity: z.number().int(), amountCents: cents })),
  /** Refunded so far, this refund included. */
  refundedTotalCents: cents,
});

const WithdrawalDetailSchema = z.object({
  declaredAt: z.string(),
  wholeOrder: z.boolean(),
  /** Absent from the e-mails owed before the form asked for it. */
  declarantName: z.string().nullable().default(null),
  reason: z.string().nullable(),
  lines: z.array(z.object({ title: z.string(), quantity: z.number().int() })),
  /** Art. L221-24: the refund comes at the latest 14 days after the declaration. */
  refundBy: day,
  /** The books had left the shop: they come back by post (art. L221-23). */
  booksLeftShop: z.boolean(),
});

/** A reader's request for a book the catalogue lacks (/commander-un-livre), as typed. */
export const EmailBookRequestSchema = z.object({
  reference: z.string(),
  fullName: z.string(),
  requestedAt: z.string(),
  ean: z.string().nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  quantity: z.number().int(),
  message: z.string().nullable(),
});
export type EmailBookRequest = z.infer<typeof EmailBookRequestSchema>;

/** The bookseller's answer: a counter order made of it, or a refusal and its reason. */
const BookRequestAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('ordered'),
    orderReference: z.string(),
    title: z.string(),
    quantity: z.number().int(),
    totalCents: cents,
    payAtPickup: z.boolean(),
    availableLatestOn: day.nullable(),
  }),
  z.object({ outcome: z.literal('declined'), reason: z.string() }),
]);

/** The book of an availability alert, as it was when the e-mail was owed (its price from the database). */
export const EmailAlertBookSchema = z.object({
  ean: z.string(),
  title: z.string(),
  /** "Jean Rivero, Jean Waline"; empty when the book names no author. */
  authors: z.string(),
  priceCents: cents,
});
export type EmailAlertBook = z.infer<typeof EmailAlertBookSchema>;

/** An overdue invoice on account, as it stood when the reminder was owed (lib/invoicing/transfers.ts). */
export const EmailReminderSchema = z.object({
  invoiceNumber: z.string(),
  issuedOn: day,
  dueOn: day,
  daysLate: z.number().int(),
  organisationName: z.string(),
  orderReference: z.string(),
  purchaseOrderNumber: z.string().nullable(),
  totalCents: cents,
  creditedCents: cents,
  paidCents: cents,
  dueCents: cents,
  iban: z.string(),
  bic: z.string(),
  publicBuyer: z.boolean(),
  /** As printed on the invoice (lib/invoicing/payment-terms.ts). */
  penaltyText: z.string(),
  indemnityText: z.string(),
});
export type EmailReminder = z.infer<typeof EmailReminderSchema>;

export const EmailPayloadSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('order_confirmation'),
    order: EmailOrderSchema,
    /** The terms accepted, whole (art. L221-13); null when they are not the ones in force when paid, and in older e-mails. */
    terms: TermsDocumentSchema.nullable().default(null),
  }),
  z.object({ kind: z.literal('payment_failed'), order: EmailOrderSchema }),
  z.object({ kind: z.literal('payment_expired'), order: EmailOrderSchema }),
  z.object({
    kind: z.literal('shipped'),
    order: EmailOrderSchema,
    shipment: z.object({ carrier: z.enum(CARRIER_IDS), trackingNumber: z.string(), trackingUrl: z.string() }),
  }),
  z.object({ kind: z.literal('ready_for_pickup'), order: EmailOrderSchema }),
  z.object({ kind: z.literal('delayed'), order: EmailOrderSchema }),
  z.object({ kind: z.literal('refunded'), order: EmailOrderSchema, refund: RefundDetailSchema }),
  z.object({ kind: z.literal('withdrawal_received'), order: EmailOrderSchema, withdrawal: WithdrawalDetailSchema }),
  z.object({
    kind: z.literal('tracking_link'),
    order: EmailOrderSchema,
    /** Absent from the links owed before a withdrawal could be asked for: tracking. */
    purpose: z.enum(['tracking', 'withdrawal']).default('tracking'),
  }),
  z.object({ kind: z.literal('book_request_received'), request: EmailBookRequestSchema }),
  z.object({
    kind: z.literal('book_request_answered'),
    request: EmailBookRequestSchema,
    answer: BookRequestAnswerSchema,
  }),
  z.object({ kind: z.literal('availability_alert_confirm'), alert: EmailAlertBookSchema }),
  z.object({ kind: z.literal('availability_alert_available'), alert: EmailAlertBookSchema }),
  z.object({ kind: z.literal('availability_alert_out_of_print'), alert: EmailAlertBookSchema }),
  /** The link and the code are not here: minted when the e-mail is sent, like a tracking link. */
  z.object({ kind: z.literal('sign_in_link'), requestedAt: z.string() }),
  z.object({ kind: z.literal('payment_reminder'), reminder: EmailReminderSchema }),
]);

export type EmailPayload = z.infer<typeof EmailPayloadSchema>;
export type BookRequestEmailPayload = Extract<EmailPayload, { request: EmailBookRequest }>;

/** What an e-mail is about, as its footer names it: "votre commande LF-…", "votre demande DL-…". */
export function emailSubjectOf(payload: EmailPayload): string {
  if ('alert' in payload) return `votre alerte de disponibilité sur « ${payload.alert.title} »`;
  if (payload.kind === 'sign_in_link') return 'votre connexion à votre compte';
  if (payload.kind === 'payment_reminder') return `notre facture ${payload.reminder.invoiceNumber}`;
  return 'request' in payload
    ? `votre demande ${payload.request.reference}`
    : `votre commande ${payload.order.reference}`;
}

/** As the outbox keeps it: the payload and the seller's identity when it was owed (older rows: none). */
export const StoredShopSchema = z.object({ shop: ShopIdentitySchema });
export type StoredEmailPayload = EmailPayload & z.infer<typeof StoredShopSchema>;

// Every kind has a payload shape, and only those.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PAYLOAD_KINDS_MATCH: Same<EmailPayload['kind'], (typeof EMAIL_KINDS)[number]> = true;
