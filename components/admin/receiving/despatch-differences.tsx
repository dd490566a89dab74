import { compareWithOrder, DIFFERENCE_LABELS } from '@/lib/edi/despatch-differences';

// Before "Valider la réception": what the parcel (as announced, then as counted by staff) holds
// against the copies still expected on the purchase order. Follows the lines as they are edited.

type Props = {
  purchaseOrderId: number;
  lines: readonly { ean: string; title: string; quantity: number; expected: number | null }[];
};

export function DespatchDifferences({ purchaseOrderId, lines }: Props) {
  const differences = compareWithOrder(
    lines.flatMap((line) => (line.expected ? [{ ean: line.ean, quantity: line.expected }] : [])),
    lines.map((line) => ({ ean: line.ean, quantity: line.quantity })),
  );
  const titles = new Map(lines.map((line) => [line.ean, line.title]));
  if (differences.length === 0)
    return (
      <p className="form-success" role="status">
        Aucun écart avec la commande fournisseur n° {purchaseOrderId} : le colis contient ce qui était attendu.
      </p>
    );
  return (
    <table className="admin-table">
      <caption>Écarts avec la commande fournisseur n° {purchaseOrderId}</caption>
      <thead>
        <tr>
          <th scope="col">Livre</th>
          <th scope="col">Attendus</th>
          <th scope="col">Reçus</th>
          <th scope="col">Écart</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => (
          <tr key={difference.ean}>
            <th scope="row">
              {titles.get(difference.ean)}
              <br />
              <span className="muted">EAN {difference.ean}</span>
            </th>
            <td>{difference.ordered}</td>
            <td>{difference.received}</td>
            <td>{DIFFERENCE_LABELS[difference.kind]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
