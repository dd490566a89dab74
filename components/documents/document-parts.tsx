import type { BuyerSnapshot, InvoiceLine, SellerSnapshot, VatRow } from '@/lib/invoicing/invoice-document';
import { buyerLines, LINE_HEADINGS, lineCells, sellerLines, vatCells } from '@/lib/invoicing/invoice-text';

// The parts every priced document the shop hands a customer shows on a page (an invoice, a credit
// note, a quote), in the words of their PDFs (lib/invoicing/invoice-text.ts, document-pdf.ts).

/** Lines one under the other, in one paragraph. */
export function LineBreaks({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <span key={line}>
          {index > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  );
}

/** The seller, its name in bold, and the buyer, side by side. */
export function DocumentParties({ seller, buyer }: { seller: SellerSnapshot; buyer: BuyerSnapshot }) {
  const [sellerName, ...sellerRest] = sellerLines(seller);
  return (
    <div className="invoice-parties">
      <p>
        <strong>{sellerName}</strong>
        {sellerRest.length > 0 && <br />}
        <LineBreaks lines={sellerRest} />
      </p>
      <p>
        <strong>Client</strong>
        <br />
        <LineBreaks lines={buyerLines(buyer)} />
      </p>
    </div>
  );
}

/** Each line excluding and including VAT, then the VAT per rate. */
export function DocumentTables({ lines, vat }: { lines: InvoiceLine[]; vat: VatRow[] }) {
  return (
    <>
      <table className="spec-table">
        <caption>Détail</caption>
        <thead>
          <tr>
            {LINE_HEADINGS.map((heading) => (
              <th scope="col" key={heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={`${index}-${line.designation}`}>
              {lineCells(line).map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="spec-table">
        <caption>TVA par taux</caption>
        <thead>
          <tr>
            <th scope="col">Taux</th>
            <th scope="col">Base HT</th>
            <th scope="col">TVA</th>
            <th scope="col">TTC</th>
          </tr>
        </thead>
        <tbody>
          {vat.map((row) => {
            const [label, ...cells] = vatCells(row);
            return (
              <tr key={row.rateBasisPoints}>
                <th scope="row">{label}</th>
                {cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
