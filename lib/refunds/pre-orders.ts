import 'server-only';
import { formatCopies } from '@/lib/core/copies';
import type { Result } from '@/lib/core/result';
import {
  movePreOrderDates,
  recordPreOrderCancellation,
  recordPriceDropRefunds,
} from '@/lib/data/order-desk/pre-orders';
import { logger } from '@/lib/observability/logger';
import { sendRefund } from './stripe-refunds';

// Pre-orders' refunds (docs/decisions/023-pre-orders.md): recorded under the order's lock by
// lib/data/order-desk/pre-orders.ts, then sent to Stripe here, after the commit, each with its
// own Idempotency-Key (lib/refunds/stripe-refunds.ts). A refund Stripe did not confirm stays
// `requested`: its charge.refunded event applies it, or staff "Relancer" it from the order desk.

/** "Annuler ma précommande": cancelled and refunded at once. */
export async function cancelPreOrder(orderId: number, ip: string | null): Promise<Result<{ message: string }>> {
  const recorded = await recordPreOrderCancellation(orderId, ip);
  if (!recorded.ok) return recorded;
  const what = recorded.wholeOrder
    ? 'Votre commande est annulée'
    : `Précommande annulée (${formatCopies(recorded.copies)})`;
  if (!recorded.ticket) return { ok: true, message: `${what}.` };
  const sent = await sendRefund(recorded.ticket);
  return {
    ok: true,
    message: sent.ok
      ? `${what} : ${sent.message.charAt(0).toLowerCase()}${sent.message.slice(1)} Vous recevez la confirmation par courriel.`
      : `${what}. Le remboursement est enregistré et sera effectué sous peu ; vous recevrez sa confirmation par courriel.`,
  };
}

/** The job sent when the ONIX import or staff change a pre-ordered book's price or date. */
export type PreOrderChange = { bookId: number; priceCents?: number; publishedOn?: string };

export async function followPreOrderChange(change: PreOrderChange): Promise<{ told: number; refunds: number }> {
  const told = change.publishedOn
    ? await movePreOrderDates(change.bookId, new Date(`${change.publishedOn}T00:00:00Z`))
    : 0;
  let refunds = 0;
  if (change.priceCents !== undefined) {
    for (const ticket of await recordPriceDropRefunds(change.bookId, change.priceCents)) {
      const sent = await sendRefund(ticket);
      if (!sent.ok) logger.warn({ refundId: ticket.refundId, code: sent.code }, 'price-drop refund not confirmed');
      refunds += 1;
    }
  }
  return { told, refunds };
}
