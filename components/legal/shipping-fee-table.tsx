import type { ShippingTableDescription } from '@/lib/pricing';

export function ShippingFeeTable({ description }: { description: ShippingTableDescription }) {
  return (
    <>
      {description.sections.map((section) => (
        <table className="spec-table" key={section.method}>
          <caption>{section.label}</caption>
          <thead>
            <tr>
              <th scope="col">Montant de la commande</th>
              <th scope="col">Frais de livraison TTC</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.range}>
                <td>{row.range}</td>
                <td>{row.fee}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p>{description.legalNote}</p>
    </>
  );
}
