import type { TrackedOrder } from '@/lib/data/customer-mail/tracked-order';
import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { formatRate } from '@/lib/core/rate';
import { extractBaseExclVat } from '@/lib/pricing/vat';
import { PrintButton } from './print-button';

/**
 * The invoice of a paid order, a printable page: seller and buyer, date, each line's price
 * excluding and including VAT, VAT per rate, total (the mentions of CGI art. 242 nonies A, kept to
 * what a sale to a private customer needs).
 */
export function Invoice({ order, shop }: { order: TrackedOrder; shop: ShopIdentity }) {
  return (
    <article className="invoice">
      <h1>Facture {order.reference}</h1>
      <p>Date : {order.paidAt ? formatDateShort(order.paidAt) : '—'} (date du paiement)</p>
      <div className="invoice-parties">
        <p>
          <strong>{shop.legalName}</strong>
          <br />
          {postalAddress(shop)}
          <br />
          SIRET {shop.siret} — TVA {shop.vatNumber}
          <br />
          {shop.email} — {shop.phone}
        </p>
        <p>
          <strong>Client</strong>
          <br />
          {order.fullName}
          <br />
          {order.maskedAddress
            ? `${order.maskedAddress.postalCode} ${order.maskedAddress.city}`
            : 'Retrait en librairie'}
        </p>
      </div>
      <table className="spec-table">
        <caption>Détail</caption>
        <thead>
          <tr>
            <th scope="col">Désignation</th>
            <th scope="col">Quantité</th>
            <th scope="col">Prix unitaire TTC</th>
            <th scope="col">TVA</th>
            <th scope="col">Total HT</th>
            <th scope="col">Total TTC</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.ean}>
              <td>
                {line.title} (EAN {line.ean})
              </td>
              <td>{line.quantity}</td>
              <td>{formatPrice(line.unitPriceCents)}</td>
              <td>{formatRate(line.vatRateBasisPoints)}</td>
              <td>{formatPrice(extractBaseExclVat(line.lineTotalCents, line.vatRateBasisPoints))}</td>
              <td>{formatPrice(line.lineTotalCents)}</td>
            </tr>
          ))}
          <tr>
            <td>{order.deliveryMethod === 'shop_pickup' ? 'Retrait en librairie' : 'Frais de livraison'}</td>
            <td />
            <td />
            <td />
            <td />
            <td>{formatPrice(order.shippingCents)}</td>
          </tr>
          {order.vat.map((rate) => (
            <tr key={rate.rateBasisPoints}>
              <th scope="row">TVA {formatRate(rate.rateBasisPoints)}</th>
              <td />
              <td />
              <td>{formatPrice(rate.vatCents)}</td>
              <td>{formatPrice(rate.baseExclVatCents)}</td>
              <td>{formatPrice(rate.inclVatCents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total payé</th>
            <td />
            <td />
            <td />
            <td />
            <td>{formatPrice(order.totalCents)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">Payé par carte bancaire. Livres : TVA à 5,5 % (CGI, art. 278-0 bis A).</p>
      <PrintButton />
    </article>
  );
}
