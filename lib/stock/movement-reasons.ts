// The stock ledger's vocabulary: why copies came in or went out, as staff read it, and which
// reasons a person may book by hand. Pure: the database enum (StockMovementReason) is checked
// against this list in lib/data/platform/enum-checks.ts.

export const STOCK_MOVEMENT_REASONS = [
  'INITIAL_COUNT',
  'DELIVERY',
  'SALE',
  'CUSTOMER_RETURN',
  'SUPPLIER_RETURN',
  'ADJUSTMENT',
  'LOSS',
  'SALE_CANCELLED',
  'ORDER_ALLOCATION',
  'INVENTORY',
  'DAMAGED',
  'THEFT',
] as const;

export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

export const STOCK_MOVEMENT_REASON_LABELS: Record<StockMovementReason, string> = {
  INITIAL_COUNT: 'Stock initial',
  DELIVERY: 'Réception',
  SALE: 'Vente',
  CUSTOMER_RETURN: 'Retour client',
  SUPPLIER_RETURN: 'Retour au distributeur',
  ADJUSTMENT: 'Ajustement',
  LOSS: 'Perte',
  SALE_CANCELLED: 'Vente annulée (remis en rayon)',
  ORDER_ALLOCATION: 'Attribué à une commande client',
  INVENTORY: 'Inventaire',
  DAMAGED: 'Casse',
  THEFT: 'Vol',
};

/**
 * Adjustments a member of staff books by hand from a book's stock page, with the direction
 * each one goes: a broken or stolen copy leaves the shelf, a customer's returned copy comes back.
 * Counted differences go through an inventory count (INVENTORY), never typed here.
 */
export const MANUAL_ADJUSTMENTS = {
  DAMAGED: { sign: -1, label: 'Casse (exemplaire abîmé retiré)' },
  THEFT: { sign: -1, label: 'Vol' },
  CUSTOMER_RETURN: { sign: 1, label: 'Retour client (remis en rayon)' },
} as const satisfies Partial<Record<StockMovementReason, { sign: 1 | -1; label: string }>>;

export type ManualAdjustmentReason = keyof typeof MANUAL_ADJUSTMENTS;

export const MANUAL_ADJUSTMENT_REASONS = Object.keys(MANUAL_ADJUSTMENTS) as ManualAdjustmentReason[];

export function stockMovementLabel(reason: string): string {
  return (STOCK_MOVEMENT_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}
