// The order page's timeline: everything that happened to an order, oldest first, with who and
// when. Built from what is stored elsewhere (the order, Stripe's events, the audit log, the
// refunds): nothing is written twice. Pure.
import type { RefundReason } from './refund-plan';
import type { OrderStatus } from './status';
import { auditActionLabel } from '@/lib/audit/actions';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { CARRIERS } from './carriers';
import { REFUND_REASON_LABELS } from './refund-plan';
import { ORDER_STATUS_LABELS } from './status';

export type TimelineEntry = {
  at: Date;
  /** A member of staff's name, "Stripe", "Client" or "Librairie" (automatic). */
  who: string;
  title: string;
  detail: string | null;
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type TimelineInput = {
  createdAt: Date;
  paymentEvents: { receivedAt: Date; type: string; outcome: string }[];
  auditEntries: { at: Date; action: string; staffName: string | null; before: unknown; after: unknown }[];
  refunds: { appliedAt: Date | null; amountCents: number; stripeRefundId: string | null }[];
};

const PAYMENT_EVENT_TITLES: Record<string, string> = {
  'checkout.session.completed': 'Paiement reçu',
  'checkout.session.async_payment_succeeded': 'Paiement confirmé',
  'checkout.session.async_payment_failed': 'Paiement refusé',
  'checkout.session.expired': 'Page de paiement expirée',
  'charge.refunded': 'Remboursement signalé',
};

function paymentEventTitle(type: string, outcome: string): string {
  if (type === 'checkout.session.completed' && outcome === 'awaiting asynchronous payment')
    return 'Paiement en attente de confirmation';
  if (outcome.startsWith('paid after expiry')) return 'Paiement reçu après l’expiration de la réservation';
  const title = PAYMENT_EVENT_TITLES[type] ?? `Événement Stripe ${type}`;
  return outcome.startsWith('ignored') ? `${title} (sans effet)` : title;
}

const object = (value: unknown): Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, Json>) : {};
const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');
const cents = (value: Json | undefined): number => (typeof value === 'number' && Number.isInteger(value) ? value : 0);
/** "2027-03-29" → "29/03/2027" (noon UTC: the same day in Paris). */
const dayText = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateShort(new Date(`${value}T12:00:00Z`)) : value;
const statusLabel = (value: Json | undefined) =>
  typeof value === 'string' && value in ORDER_STATUS_LABELS ? ORDER_STATUS_LABELS[value as OrderStatus] : text(value);

function describeAudit(action: string, before: unknown, after: unknown): { title: string; detail: string | null } {
  const b = object(before);
  const a = object(after);
  switch (action) {
    case 'order.status_changed': {
      const carrier = text(a.carrier);
      const shipment =
        carrier in CARRIERS
          ? `${CARRIERS[carrier as keyof typeof CARRIERS].label}, suivi ${text(a.trackingNumber)}`
          : null;
      return { title: `Statut : ${statusLabel(b.status)} → ${statusLabel(a.status)}`, detail: shipment };
    }
    case 'order.comment':
      return { title: 'Commentaire interne', detail: text(a.text) };
    case 'order.line_received': {
      const copies = cents(a.received);
      return {
        title: 'Exemplaires reçus du distributeur',
        detail: `« ${text(a.title)} » : ${copies} exemplaire${copies > 1 ? 's' : ''}`,
      };
    }
    case 'order.delay_announced': {
      const latest = text(a.deliveryLatestOn);
      const told = a.customerTold === true ? ' ; client prévenu par e-mail' : '';
      return {
        title: 'Nouveau délai du distributeur',
        detail: `« ${text(a.title)} » : attendu le ${dayText(text(a.expectedOn))}${latest ? ` ; livraison au plus tard le ${dayText(latest)}` : ''}${told}`,
      };
    }
    case 'order.attention_cleared':
      return { title: 'Alerte traitée', detail: text(b.attentionReason) || null };
    case 'refund.requested': {
      const reason = text(a.reason);
      const reasonLabel = reason in REFUND_REASON_LABELS ? REFUND_REASON_LABELS[reason as RefundReason] : reason;
      const lines = Array.isArray(a.lines)
        ? a.lines.map((line) => `${cents(object(line).quantity)} × « ${text(object(line).title)} »`)
        : [];
      const parts = [
        ...lines,
        ...(cents(a.shippingCents) > 0 ? [`frais de livraison ${formatPrice(cents(a.shippingCents))}`] : []),
        ...(cents(a.extraCents) > 0 ? [`montant libre ${formatPrice(cents(a.extraCents))}`] : []),
        ...(text(a.note) ? [`note : ${text(a.note)}`] : []),
      ];
      return {
        title: `Remboursement demandé : ${formatPrice(cents(a.amountCents))} (${reasonLabel})`,
        detail: parts.length > 0 ? parts.join(' ; ') : null,
      };
    }
    case 'refund.failed':
      return { title: 'Remboursement refusé par Stripe', detail: text(a.message) || null };
    case 'order.withdrawal_declared': {
      const lines = Array.isArray(a.lines)
        ? a.lines.map((line) => `${cents(object(line).quantity)} × « ${text(object(line).title)} »`)
        : [];
      const scope = a.wholeOrder === true ? 'toute la commande' : 'une partie de la commande';
      return {
        title: `Rétractation déclarée par le client (${scope})`,
        detail: [...lines, ...(text(a.reason) ? [`motif : ${text(a.reason)}`] : [])].join(' ; ') || null,
      };
    }
    default:
      return { title: auditActionLabel(action), detail: null };
  }
}

/** What the customer did themselves (a withdrawal, a pre-order cancelled and what it wrote: `by`). */
function byCustomer(action: string, after: unknown): boolean {
  if (action === 'order.withdrawal_declared' || action === 'order.pre_order_cancelled') return true;
  return typeof after === 'object' && after !== null && (after as { by?: unknown }).by === 'customer';
}

export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { at: input.createdAt, who: 'Client', title: 'Commande passée', detail: null },
    ...input.paymentEvents.map((event) => ({
      at: event.receivedAt,
      who: 'Stripe',
      title: paymentEventTitle(event.type, event.outcome),
      detail: null,
    })),
    ...input.auditEntries.map((entry) => ({
      at: entry.at,
      who: entry.staffName ?? (byCustomer(entry.action, entry.after) ? 'Client' : 'Librairie'),
      ...describeAudit(entry.action, entry.before, entry.after),
    })),
    ...input.refunds.flatMap((refund) =>
      refund.appliedAt
        ? [
            {
              at: refund.appliedAt,
              who: 'Stripe',
              title: `Remboursement de ${formatPrice(refund.amountCents)} effectué`,
              detail: refund.stripeRefundId,
            },
          ]
        : [],
    ),
  ];
  // Stable: entries at the same instant keep the order above (the cause before its effect).
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((x, y) => x.entry.at.getTime() - y.entry.at.getTime() || x.index - y.index)
    .map(({ entry }) => entry);
}
