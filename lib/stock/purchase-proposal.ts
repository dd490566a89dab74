// What to order from a distributor: the copies customers are waiting for (their special orders,
// online or at the counter) and the restocking of books that fell below their threshold
// ("réassort"), less what is already on order and not received. Pure: lib/data/stock-desk/purchase-orders.ts
// supplies the figures.

export type BookDemand = {
  bookId: number;
  /** Copies awaited by paid customer orders. */
  awaitedByCustomers: number;
  /** availableCopies(): on the shelf and not held (lib/orders/allocation.ts). */
  available: number;
  /** Réassort threshold (StockLevel.reorderThreshold); 0 = not followed. */
  reorderThreshold: number;
  /** Copies on purchase orders being prepared or sent, not received yet. */
  onOrder: number;
};

export type ProposedLine = {
  bookId: number;
  quantity: number;
  /** Of `quantity`, copies for customers; the rest restocks the shelf. */
  forCustomerOrders: number;
};

/**
 * Copies customers wait for, plus what brings the shelf back up to its threshold; minus copies
 * already on order, which serve customers first. Null when nothing is needed.
 */
export function proposeLine(demand: BookDemand): ProposedLine | null {
  const customers = Math.max(demand.awaitedByCustomers, 0);
  const restock = Math.max(demand.reorderThreshold - Math.max(demand.available, 0), 0);
  const quantity = Math.max(customers + restock - Math.max(demand.onOrder, 0), 0);
  if (quantity === 0) return null;
  const forCustomerOrders = Math.min(quantity, Math.max(customers - Math.max(demand.onOrder, 0), 0));
  return { bookId: demand.bookId, quantity, forCustomerOrders };
}

/** Whether the book is below its réassort threshold (counting copies on order as coming). */
export function belowThreshold(stock: { available: number; reorderThreshold: number }): boolean {
  return stock.reorderThreshold > 0 && stock.available < stock.reorderThreshold;
}
