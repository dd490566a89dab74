import type { Metadata } from 'next';
import Link from 'next/link';
import { AvailabilityLine } from '@/components/catalog/availability-line';
import { CartLineForm } from '@/components/cart/cart-line-form';
import { OrderTotals } from '@/components/cart/order-totals';
import { readCartId } from '@/lib/cart/cart-cookie';
import { getCartView } from '@/lib/data/buying/cart';
import { OnAccountPrices } from '@/components/checkout/on-account-prices';
import { QuoteRequestForm } from '@/components/quotes/quote-request-form';
import { getCurrentReader } from '@/lib/auth/require-reader';
import { listOnAccountOffers } from '@/lib/data/buying/orders-on-account';
import { formatPrice } from '@/lib/core/money';
import { preOrderLabel } from '@/lib/orders/pre-order';
import { FormError } from '@/components/ui/form-error';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { addToCartRefusal } from '@/lib/cart/add-to-cart-errors';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Panier', robots: { index: false } };

async function CartPage({ searchParams }: PageProps<'/panier'>) {
  const query = firstValues(await searchParams);
  // "Ajouter au panier" without JavaScript lands here, with what went wrong if it did.
  const refusal = addToCartRefusal(query);
  const notice = refusal && (
    <>
      <FormError message={refusal.message} />
      {refusal.ean && (
        <p>
          <Link href={`/livre/${refusal.ean}`}>Retour au livre</Link>
        </p>
      )}
    </>
  );
  const cartId = await readCartId();
  const cart = await getCartView(cartId, new Date());
  // A buyer of an organisation also sees its prices (never on a stored page: this one reads cookies).
  const reader = await getCurrentReader();
  const offers = reader ? await listOnAccountOffers(reader.email, cartId) : [];
  if (cart.lines.length === 0 || !cart.homeDelivery || !cart.shopPickup) {
    return (
      <>
        <h1>Votre panier</h1>
        {notice}
        <p>Votre panier est vide.</p>
        <p>
          <Link href="/livres">Parcourir le catalogue</Link>
        </p>
      </>
    );
  }
  const hasProblem = cart.lines.some((line) => line.problem);
  return (
    <>
      <h1>Votre panier</h1>
      {notice}
      {/* The total and the way on come first: on a phone they are in the first screen, the lines below. */}
      <div className="cart-layout">
        <section className="cart-summary" aria-label="Total du panier">
          <OrderTotals order={cart.homeDelivery} caption="Total avec livraison à domicile" />
          {cart.deliveryWindow && <p className="delivery">{cart.deliveryWindow.label}</p>}
          {hasProblem ? (
            <p className="notice">Corrigez les quantités signalées pour passer commande.</p>
          ) : (
            <p>
              <Link className="button button-main" href="/commande">
                Passer commande
              </Link>
            </p>
          )}
          <p className="delivery">
            Retrait en librairie : gratuit (total {formatPrice(cart.shopPickup.totals.totalInclVatCents)}).
          </p>
          {offers.map((offer) => (
            <div key={offer.organisationId}>
              <OnAccountPrices offer={offer} />
              {!hasProblem && offer.homeDelivery && offer.shopPickup && (
                <QuoteRequestForm
                  organisationId={offer.organisationId}
                  organisationName={offer.name}
                  homeDeliveryLabel={`${cart.shippingLabels.home_delivery} à ${offer.deliveryAddress} (total ${formatPrice(offer.homeDelivery.totals.totalInclVatCents)})`}
                  pickupLabel={`${cart.shippingLabels.shop_pickup} (total ${formatPrice(offer.shopPickup.totals.totalInclVatCents)})`}
                />
              )}
            </div>
          ))}
          {offers.length > 0 && <p>Commande sur compte, sans paiement en ligne : à l’étape suivante.</p>}
        </section>
        <ul className="cart-lines" aria-label="Livres du panier">
          {cart.lines.map((line, index) => {
            const priced = cart.homeDelivery?.lines[index];
            return (
              <li key={line.ean} className="cart-line">
                <div>
                  <h2 className="cart-line-title">
                    <Link href={`/livre/${line.ean}`}>{line.title}</Link>
                  </h2>
                  {line.authors.length > 0 && <p className="authors">{line.authors.join(', ')}</p>}
                  <AvailabilityLine ean={line.ean} availability={line.availability} />
                  {line.publishedOn && <p className="delivery">{preOrderLabel(line.publishedOn)}</p>}
                  {line.problem && <FormError message={line.problem} />}
                </div>
                <p>
                  {priced &&
                    `${formatPrice(priced.unitPriceCents)} × ${line.quantity} = ${formatPrice(priced.lineTotalCents)}`}
                </p>
                <CartLineForm
                  ean={line.ean}
                  title={line.title}
                  quantity={line.quantity}
                  maxQuantity={line.maxQuantity}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}

export default whenDatabaseAnswers(CartPage);
