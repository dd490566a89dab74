// One formatter for money: integer cents in, French display out ("24,50 €").
const EURO = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export function formatPrice(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`formatPrice expects integer cents, got ${cents}`);
  // Intl inserts narrow no-break spaces; keep them (they are correct French typography).
  return EURO.format(cents / 100);
}

/** "29.00": a plain decimal amount for machines (schema.org, feeds), computed without floats. */
export function formatDecimalAmount(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`formatDecimalAmount expects integer cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
