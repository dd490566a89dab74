// The shop's number for a purchase order, as the distributor sees it (CSV export, EDI ORDERS
// BGM) and sends it back (a DESADV's RFF+ON): "LF-CF-" and the list's id. One definition, read
// both ways.

const PREFIX = 'LF-CF-';

export function purchaseOrderNumber(id: number): string {
  return `${PREFIX}${id}`;
}

/** The purchase order's id in a number the shop gave, or null for anyone else's number. */
export function purchaseOrderIdFromNumber(text: string): number | null {
  const match = /^LF-CF-(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}
