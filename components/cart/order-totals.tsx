import type { PricedOrder } from '@/lib/pricing';
import { formatPrice } from '@/lib/core/money';
import { formatRate } from '@/lib/core/rate';

/** Shipping, VAT breakdown and total of an order priced by lib/pricing. */
export function OrderTotals({ order, caption }: { order: PricedOrder; caption: string }) {
  return (
    <table className="spec-table totals">
      <caption>{caption}</caption>
      <tbody>
        <tr>
          <th scope="row">Livres</th>
          <td>{formatPrice(order.totals.goodsCents)}</td>
        </tr>
        {order.totals.goodsDiscountCents > 0 && (
          <tr>
            <th scope="row">dont remise</th>
            <td>−{formatPrice(order.totals.goodsDiscountCents)}</td>
          </tr>
        )}
        <tr>
          <th scope="row">Frais de livraison</th>
          <td>{order.shipping.totalCents === 0 ? 'Gratuit' : formatPrice(order.shipping.totalCents)}</td>
        </tr>
        {order.vat.map((entry) => (
          <tr key={entry.rateBasisPoints}>
            <th scope="row">dont TVA {formatRate(entry.rateBasisPoints)}</th>
            <td>{formatPrice(entry.vatCents)}</td>
          </tr>
        ))}
        <tr className="total">
          <th scope="row">Total TTC</th>
          <td>{formatPrice(order.totals.totalInclVatCents)}</td>
        </tr>
      </tbody>
    </table>
  );
}
