import Link from 'next/link';
import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { formatDateLong } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { repricingNote } from '@/lib/quotes/quote-rules';
import { CARRIERS, trackingUrl } from '@/lib/orders/carriers';

/** Who ordered, where it goes, when it should arrive, and the parcel's tracking once shipped. */
export function CustomerCard({ order }: { order: AdminOrder }) {
  return (
    <section aria-labelledby="client">
      <h2 id="client">Client et livraison</h2>
      <dl className="facts">
        <dt>Client</dt>
        <dd>{order.fullName}</dd>
        {order.organisation && (
          <>
            <dt>Commande sur compte pour</dt>
            <dd>
              <Link href={`/admin/clients/${order.organisation.id}`}>{order.organisation.name}</Link> — règlement par
              virement à {order.paymentTermsDays} jours de la facture
            </dd>
            {order.quote && (
              <>
                <dt>Issue du devis</dt>
                <dd>
                  <Link href={`/admin/devis/${order.quote.id}`}>{order.quote.number}</Link> (total du devis{' '}
                  {formatPrice(order.quote.totalCents)}) —{' '}
                  {repricingNote(order.quote.repricedDifferenceCents ?? 0) ?? 'prix inchangés depuis le devis'}
                </dd>
              </>
            )}
            <dt>Bon de commande</dt>
            <dd>{order.purchaseOrderNumber ?? '—'}</dd>
            {order.engagementNumber && (
              <>
                <dt>Numéro d’engagement</dt>
                <dd>{order.engagementNumber}</dd>
              </>
            )}
          </>
        )}
        {order.origin === 'counter' && (
          <>
            <dt>Origine</dt>
            <dd>Commande client prise au comptoir</dd>
          </>
        )}
        <dt>Adresse e-mail</dt>
        <dd>{order.email ? <a href={`mailto:${order.email}`}>{order.email}</a> : '—'}</dd>
        <dt>Téléphone</dt>
        <dd>{order.phone || '—'}</dd>
        <dt>Mode de livraison</dt>
        <dd>{order.deliveryMethod === 'shop_pickup' ? 'Retrait en librairie' : 'Livraison à domicile'}</dd>
        {order.deliveryMethod === 'home_delivery' && (
          <>
            <dt>Adresse de livraison</dt>
            <dd>
              {order.addressLine1}
              {order.addressLine2 && (
                <>
                  <br />
                  {order.addressLine2}
                </>
              )}
              <br />
              {order.postalCode} {order.city} ({order.country})
            </dd>
          </>
        )}
        {order.deliveryEarliestOn && order.deliveryLatestOn && (
          <>
            <dt>{order.deliveryMethod === 'shop_pickup' ? 'Disponible' : 'Livraison promise'}</dt>
            <dd>
              entre le {formatDateLong(order.deliveryEarliestOn)} et le {formatDateLong(order.deliveryLatestOn)}
            </dd>
          </>
        )}
        {order.carrier && order.trackingNumber && (
          <>
            <dt>Suivi</dt>
            <dd>
              {CARRIERS[order.carrier].label}{' '}
              <a
                href={trackingUrl(order.carrier, order.trackingNumber, order.postalCode)}
                rel="noopener noreferrer"
                target="_blank"
              >
                {order.trackingNumber}
                <span className="visually-hidden"> (suivre le colis, nouvelle fenêtre)</span>
              </a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
