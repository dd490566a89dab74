import { addCalendarDays, isoDay, toParisDay } from '@/lib/availability/paris-calendar';

// Monthly statements (relevés mensuels): one invoice for the orders on account an organisation had
// dispatched, instead of one per order. « La facture peut être établie de manière périodique pour
// plusieurs livraisons de biens […] distinctes réalisées au profit d'un même acquéreur […] au cours
// d'un même mois civil. Cette facture est établie au plus tard à la fin de ce même mois » (CGI art.
// 289, I-3). Pure.

export type StatementOrder = {
  id: number;
  reference: string;
  purchaseOrderNumber: string | null;
  engagementNumber: string | null;
  /** When it left the shop. */
  dispatchedAt: Date;
};

/** "2026-12": the calendar month of an instant, in Paris. */
export function parisMonth(instant: Date): string {
  return isoDay(toParisDay(instant).day).slice(0, 7);
}

/**
 * The statements owed: one per calendar month of dispatch (a periodic invoice covers one month,
 * CGI art. 289, I-3) and per engagement number, since a public buyer's invoice carries one (Chorus
 * Pro refuses an invoice citing several), orders without one together; oldest month and order first.
 */
export function statementGroups<T extends StatementOrder>(orders: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const order of [...orders].sort((a, b) => a.id - b.id)) {
    const key = `${parisMonth(order.dispatchedAt)} ${order.engagementNumber ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), order]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
}

/**
 * Whether the worker's run at `now` owes an order its statement: dispatched in a past month (a
 * run missed, or an organisation that stopped its statements), or this month on its last day.
 */
export function isDueForStatement(dispatchedAt: Date, now: Date): boolean {
  const month = parisMonth(dispatchedAt);
  const current = parisMonth(now);
  return month < current || (month === current && isLastDayOfMonth(now));
}

/** The purchase-order numbers a statement answers, each once, in the orders' order. */
export function purchaseOrderList(orders: readonly StatementOrder[]): string | null {
  const numbers = [...new Set(orders.map((order) => order.purchaseOrderNumber).filter((n): n is string => !!n))];
  return numbers.length > 0 ? numbers.join(', ') : null;
}

/** A statement's line says which order it delivered: « Commande LF-8K2P4Q (bon n° BC-12) : Titre ». */
export function statementLineTitle(order: StatementOrder, title: string): string {
  const purchaseOrder = order.purchaseOrderNumber ? ` (bon n° ${order.purchaseOrderNumber})` : '';
  return `Commande ${order.reference}${purchaseOrder} : ${title}`;
}

/** Whether `now` falls on the last day of a month in Paris: the day the statements are issued. */
export function isLastDayOfMonth(now: Date): boolean {
  return addCalendarDays(toParisDay(now).day, 1).getUTCDate() === 1;
}
