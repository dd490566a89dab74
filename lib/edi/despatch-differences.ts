// What a parcel brings against what was ordered, book by book, before staff validate the
// reception: books ordered and not in the parcel, books in the parcel never ordered, more or
// fewer copies than ordered. Only the differences are listed.

export type DifferenceKind = 'missing' | 'extra' | 'more' | 'fewer';

export type Difference = { ean: string; ordered: number; received: number; kind: DifferenceKind };

export const DIFFERENCE_LABELS: Record<DifferenceKind, string> = {
  missing: 'absent du colis',
  extra: 'non commandé',
  more: 'plus que commandé',
  fewer: 'moins que commandé',
};

export function compareWithOrder(
  ordered: readonly { ean: string; quantity: number }[],
  received: readonly { ean: string; quantity: number }[],
): Difference[] {
  const sum = (lines: readonly { ean: string; quantity: number }[]) => {
    const totals = new Map<string, number>();
    for (const line of lines) totals.set(line.ean, (totals.get(line.ean) ?? 0) + line.quantity);
    return totals;
  };
  const orderedByEan = sum(ordered);
  const receivedByEan = sum(received);
  const eans = [...new Set([...orderedByEan.keys(), ...receivedByEan.keys()])];
  return eans.flatMap((ean): Difference[] => {
    const o = orderedByEan.get(ean) ?? 0;
    const r = receivedByEan.get(ean) ?? 0;
    if (o === r) return [];
    const kind: DifferenceKind = r === 0 ? 'missing' : o === 0 ? 'extra' : r > o ? 'more' : 'fewer';
    return [{ ean, ordered: o, received: r, kind }];
  });
}
