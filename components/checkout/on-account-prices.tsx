import { OrderTotals } from '@/components/cart/order-totals';
import { formatPrice } from '@/lib/core/money';
import type { OnAccountOffer } from '@/lib/data/buying/orders-on-account';

/**
 * An organisation's prices for the cart (its discount, as the law lets it through), for its
 * buyer: only on the cart and the checkout, pages no cache stores.
 */
export function OnAccountPrices({ offer, headingLevel = 2 }: { offer: OnAccountOffer; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const order = offer.homeDelivery;
  return (
    <>
      <Heading>Prix pour {offer.name}</Heading>
      {offer.refusal && <p className="notice">{offer.refusal}</p>}
      {order && (
        <>
          {offer.discountLabel && order.totals.goodsDiscountCents > 0 && (
            <p>
              {offer.discountLabel} : −{formatPrice(order.totals.goodsDiscountCents)}
            </p>
          )}
          <OrderTotals order={order} caption={`Total pour ${offer.name}, livraison comprise`} />
        </>
      )}
    </>
  );
}
