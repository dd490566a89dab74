import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderTotals } from '@/components/cart/order-totals';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { SavedAddresses } from '@/components/checkout/saved-addresses';
import { OnAccountForm } from '@/components/checkout/on-account-form';
import { OnAccountPrices } from '@/components/checkout/on-account-prices';
import { listOnAccountOffers, type OnAccountOffer } from '@/lib/data/buying/orders-on-account';
import { getCurrentReader } from '@/lib/auth/require-reader';
import { listReaderAddresses } from '@/lib/data/readers/reader-addresses';
import { AddressIdSchema } from '@/lib/validation/reader-accounts';
import { readCartId } from '@/lib/cart/cart-cookie';
import { getCartView } from '@/lib/data/buying/cart';
import { formatPrice } from '@/lib/core/money';
import { PAY_BUTTON_LABEL, WITHDRAWAL_REFUND_NOTICE, WITHDRAWAL_RIGHT_NOTICE } from '@/lib/pricing';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { WITHDRAWAL_FORM_TITLE, withdrawalFormLines } from '@/lib/terms/withdrawal-form';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { preOrderLabel } from '@/lib/orders/pre-order';
import { TERMS_VERSION, termsVersionLabel } from '@/lib/terms/version';

export const metadata: Metadata = { title: 'Commande', robots: { index: false } };

async function CheckoutPage({ searchParams }: PageProps<'/commande'>) {
  const [cart, shop] = await Promise.all([getCartView(await readCartId(), new Date()), getShopSettings()]);
  const saved = await readerCheckout((await searchParams).adresse);
  const offers = saved ? await listOnAccountOffers(saved.initialValues.email ?? '', await readCartId()) : [];
  if (!cart.homeDelivery || !cart.shopPickup) {
    return (
      <>
        <h1>Commande</h1>
        <p>
          Votre panier est vide. <Link href="/livres">Parcourir le catalogue</Link>
        </p>
      </>
    );
  }
  const homeFee = cart.homeDelivery.shipping.totalCents;
  const homeTotal = formatPrice(cart.homeDelivery.totals.totalInclVatCents);
  const pickupTotal = formatPrice(cart.shopPickup.totals.totalInclVatCents);
  return (
    <>
      <h1>Commande</h1>
      <ul className="checkout-lines" aria-label="Récapitulatif">
        {cart.lines.map((line) => (
          <li key={line.ean}>
            {line.title} × {line.quantity}
            {line.publishedOn && ` — ${preOrderLabel(line.publishedOn)}`}
          </li>
        ))}
      </ul>
      <OrderTotals order={cart.homeDelivery} caption="Total avec livraison à domicile" />
      {cart.deliveryWindow && <p className="delivery">{cart.deliveryWindow.label}</p>}
      {offers.length > 0 && (
        <section aria-labelledby="sur-compte">
          <h2 id="sur-compte">Commander sur compte</h2>
          <p>
            {offers.length > 1
              ? 'Votre adresse e-mail est celle d’un acheteur de plusieurs organisations : choisissez pour laquelle vous commandez.'
              : `Votre adresse e-mail est celle d’un acheteur de ${offers[0]?.name ?? ''}.`}{' '}
            Rien n’est payé en ligne : la facture part avec la commande, à régler par virement.
          </p>
          {offers.map((offer) => (
            <OrganisationCheckout key={offer.organisationId} offer={offer} shippingLabels={cart.shippingLabels} />
          ))}
          <h2>À titre personnel</h2>
          <p>Pour une commande personnelle, payée en ligne par carte, remplissez le formulaire ci-dessous.</p>
        </section>
      )}
      {saved && <SavedAddresses addresses={saved.addresses} chosenId={saved.chosen?.id ?? null} />}
      <CheckoutForm
        key={saved?.chosen?.id ?? 'saisie'}
        initialValues={saved?.initialValues}
        payButtonLabel={PAY_BUTTON_LABEL}
        homeDeliveryLabel={`${cart.shippingLabels.home_delivery} — ${formatPrice(homeFee)} (total ${homeTotal})`}
        pickupLabel={`${cart.shippingLabels.shop_pickup} — gratuit (total ${pickupTotal})`}
        totalReminder={`Total à payer : ${homeTotal} avec livraison à domicile, ${pickupTotal} avec retrait en librairie.`}
        termsNotice={
          <>
            En passant commande, vous acceptez les{' '}
            <Link href="/conditions-generales-de-vente">
              conditions générales de vente ({termsVersionLabel(TERMS_VERSION)})
            </Link>
            . Vos coordonnées servent à traiter votre commande : voir{' '}
            {/* RGPD art. 13: the notice at the time the data is collected. */}
            <Link href="/donnees-personnelles">vos données personnelles</Link>.
          </>
        }
      />
      <section aria-labelledby="retractation">
        <h2 id="retractation">Droit de rétractation</h2>
        <p>{WITHDRAWAL_RIGHT_NOTICE}</p>
        <p>
          {/* Before the order (art. L221-5, R221-3 as rewritten by décret n° 2026-3): where the withdrawal function is. */}
          Vous pourrez vous rétracter en ligne avec le lien « Renoncer au contrat ici », en bas de chaque page du site :
          nous vous enverrons un accusé de réception par courriel, avec le contenu de votre déclaration ainsi que la
          date et l’heure de son envoi. Les frais de renvoi des livres sont à votre charge (art. L221-23).
        </p>
        <p>{WITHDRAWAL_REFUND_NOTICE}</p>
        <details>
          <summary>{WITHDRAWAL_FORM_TITLE} (modèle, Code de la consommation, annexe à l’article R221-1)</summary>
          {withdrawalFormLines(shop).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </details>
        <p>
          <Link href="/conditions-generales-de-vente">
            Conditions générales de vente ({termsVersionLabel(TERMS_VERSION)})
          </Link>
        </p>
      </section>
    </>
  );
}

/** One organisation the reader buys for: its prices for the cart and its « Commander sur compte » form. */
function OrganisationCheckout({
  offer,
  shippingLabels,
}: {
  offer: OnAccountOffer;
  shippingLabels: { home_delivery: string; shop_pickup: string };
}) {
  if (!offer.homeDelivery || !offer.shopPickup) return <OnAccountPrices offer={offer} headingLevel={3} />;
  const homeFee = offer.homeDelivery.shipping.totalCents;
  return (
    <article aria-label={`Commande sur compte pour ${offer.name}`}>
      <OnAccountPrices offer={offer} headingLevel={3} />
      <OnAccountForm
        organisationId={offer.organisationId}
        organisationName={offer.name}
        engagementNumberRequired={offer.engagementNumberRequired}
        homeDeliveryLabel={`${shippingLabels.home_delivery} à ${offer.deliveryAddress} — ${homeFee === 0 ? 'gratuit' : formatPrice(homeFee)} (total ${formatPrice(offer.homeDelivery.totals.totalInclVatCents)})`}
        pickupLabel={`${shippingLabels.shop_pickup} — gratuit (total ${formatPrice(offer.shopPickup.totals.totalInclVatCents)})`}
        termsReminder={`Règlement par virement à ${offer.paymentTermDays} jours de la facture, envoyée avec la commande.`}
      />
    </article>
  );
}

/**
 * A signed-in reader: their saved addresses, and the one chosen by ?adresse=<id> filled in. An id
 * that is not theirs (or not a number) is ignored: the form stays empty, nothing of it is shown.
 */
async function readerCheckout(chosen: string | string[] | undefined) {
  const reader = await getCurrentReader();
  if (!reader) return null;
  const addresses = await listReaderAddresses(reader.id);
  const id = AddressIdSchema.safeParse(chosen);
  const address = id.success ? (addresses.find((candidate) => candidate.id === id.data) ?? null) : null;
  const initialValues: Record<string, string> = { email: reader.email };
  if (address) {
    Object.assign(initialValues, {
      fullName: address.fullName,
      phone: address.phone ?? '',
      deliveryMethod: 'home_delivery',
      addressLine1: address.addressLine1,
      addressLine2: address.addressLine2 ?? '',
      postalCode: address.postalCode,
      city: address.city,
    });
  }
  return { addresses, chosen: address, initialValues };
}

export default whenDatabaseAnswers(CheckoutPage);
