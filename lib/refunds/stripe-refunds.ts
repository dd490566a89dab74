import 'server-only';
import Stripe from 'stripe';
import { formatPrice } from '@/lib/core/money';
import {
  getPendingRefundTicket,
  markRefundFailed,
  recordRefundRequest,
  settleRefund,
  type RefundOrderInput,
  type RefundTicket,
  type StripeRefundFact,
} from '@/lib/data/order-desk/refunds';
import type { UnfulfillablePayment } from '@/lib/data/buying/payments';
import type { Actor } from '@/lib/data/staff/staff';
import { getStripe } from '@/lib/stripe';
import { failure, type Result } from '@/lib/core/result';
import { logger } from '@/lib/observability/logger';

// Every refund the shop sends to Stripe's Refunds API (https://docs.stripe.com/api/refunds/create),
// each with an Idempotency-Key of its own, so a retry (a double click, a timeout, "Relancer", a
// redelivered event) can never refund twice (https://docs.stripe.com/api/idempotent_requests).
// The order desk's refunds are recorded first (lib/data/order-desk/refunds.ts), then sent; the
// rules of what may be refunded are lib/orders/refund-plan.ts.

function createStripeRefund(
  params: Stripe.RefundCreateParams,
  idempotencyKey: string,
  stripe: Stripe = getStripe(),
): Promise<Stripe.Refund> {
  return stripe.refunds.create(params, { idempotencyKey: `refund-${idempotencyKey}` });
}

/**
 * The whole payment of an order Stripe took money for but the shop cannot fulfil (paid after
 * its hold expired, copies gone). One key per order, so a redelivered event never refunds
 * twice. The order turns `remboursée` when Stripe's `charge.refunded` event arrives. Returns
 * whether Stripe accepted the refund; on failure the order keeps its attention reason for staff.
 */
export async function refundUnfulfillablePayment(
  payment: UnfulfillablePayment,
  stripe: Stripe = getStripe(),
): Promise<boolean> {
  try {
    await createStripeRefund(
      {
        payment_intent: payment.paymentIntentId,
        reason: 'requested_by_customer',
        metadata: { order_reference: payment.reference },
      },
      payment.reference,
      stripe,
    );
    return true;
  } catch (error) {
    logger.error({ err: error, orderReference: payment.reference }, 'automatic refund failed');
    return false;
  }
}

export type RefundOutcome = Result<{ message: string }>;

/** Refund part or all of an order, or cancel it and refund what remains. */
export async function refundOrder(actor: Actor, input: RefundOrderInput): Promise<RefundOutcome> {
  const recorded = await recordRefundRequest(actor, input);
  if (!recorded.ok) return recorded;
  if (recorded.onAccount) {
    const { creditNote } = recorded.onAccount;
    const done = input.kind === 'cancel' ? 'Commande sur compte annulée' : 'Correction enregistrée';
    return {
      ok: true,
      message: creditNote
        ? `${done} : avoir ${creditNote} émis sur sa facture, sans paiement à rembourser en ligne.`
        : `${done} : elle n’était pas encore facturée, rien n’est dû ; ses exemplaires reviennent au stock.`,
    };
  }
  if (!recorded.ticket) return { ok: true, message: 'Commande annulée ; son paiement était déjà remboursé.' };
  const sent = await sendRefund(recorded.ticket);
  if (sent.ok && input.kind === 'cancel') return { ok: true, message: `Commande annulée. ${sent.message}` };
  return sent;
}

/** "Relancer": a refund Stripe never confirmed, sent again with the same key. */
export async function retryRefund(reference: string, refundId: number): Promise<RefundOutcome> {
  const ticket = await getPendingRefundTicket(reference, refundId);
  if (!ticket) return failure('NOT_PENDING', 'Ce remboursement n’est plus en attente : rechargez la page.');
  return sendRefund(ticket);
}

/** Sends a recorded refund to Stripe with its own key, and applies it once Stripe confirms. */
export async function sendRefund(ticket: RefundTicket): Promise<RefundOutcome> {
  let refund: Stripe.Refund;
  try {
    refund = await createStripeRefund(
      {
        payment_intent: ticket.paymentIntentId,
        amount: ticket.amountCents,
        metadata: { refund_id: String(ticket.refundId), order_reference: ticket.orderReference },
      },
      ticket.idempotencyKey,
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      // A definitive no (amount larger than what remains at Stripe, charge disputed…).
      await markRefundFailed(ticket.refundId, `${error.code ?? 'invalid_request'}: ${error.message}`);
      return failure(
        'REFUND_REFUSED',
        `Stripe a refusé le remboursement (${error.code ?? 'requête invalide'}). Rien n’a été remboursé.`,
      );
    }
    // No answer, or Stripe failing: the refund may or may not exist. charge.refunded will apply
    // it if it does; "Relancer" sends the same request again.
    logger.error(
      { err: error, refundId: ticket.refundId, orderReference: ticket.orderReference },
      'refund: no answer from Stripe',
    );
    return failure(
      'STRIPE_UNAVAILABLE',
      'Stripe n’a pas confirmé le remboursement. Il sera pris en compte dès que Stripe le signale ; sinon, relancez-le depuis la liste des remboursements.',
    );
  }
  await settleRefund(ticket.refundId, toFact(refund), new Date());
  return {
    ok: true,
    message:
      refund.status === 'succeeded'
        ? `Remboursement de ${formatPrice(refund.amount)} effectué.`
        : `Remboursement de ${formatPrice(refund.amount)} envoyé à Stripe, en attente de confirmation.`,
  };
}

export function toFact(refund: Stripe.Refund): StripeRefundFact {
  return { id: refund.id, amount: refund.amount, status: refund.status, metadata: refund.metadata };
}

/** Every refund of a payment, as Stripe lists them (for `charge.refunded`). */
export async function listPaymentRefunds(paymentIntentId: string): Promise<StripeRefundFact[]> {
  const refunds = await getStripe()
    .refunds.list({ payment_intent: paymentIntentId, limit: 100 })
    .autoPagingToArray({ limit: 10_000 });
  return refunds.map(toFact);
}
