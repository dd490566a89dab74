import Link from 'next/link';
import type { TrackedOrder } from '@/lib/data/customer-mail/tracked-order';
import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import { formatDateLong, formatDateShort } from '@/lib/core/date';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';
import { formatRate } from '@/lib/core/rate';
import { preOrderLabel } from '@/lib/orders/pre-order';
import { orderStatusText } from '@/lib/orders/on-account';

const day = (iso: string) => formatDateLong(new Date(`${iso}T12:00:00Z`));

function window(earliest: string | null, latest: string | null, pickup: boolean): string | null {
  if (!earliest || !latest) return null;
  return `${pickup ? 'disponible en librairie' : 'livraison estimée'} entre le ${day(earliest)} et le ${day(latest)}`;
}

/** The customer's page of one order: where it stands, what it holds, where it goes. */
export function TrackedOrderView({ order, token, shop }: { order: TrackedOrder; token: string; shop: ShopIdentity }) {
  const pickup = order.deliveryMethod === 'shop_pickup';
  return (
    <>
      <h1>Commande {order.reference}</h1>
      <p className="order-status">
        Statut : <strong>{orderStatusText(order.status, order.onAccount)}</strong>
      </p>

      <section aria-labelledby="etapes">
        <h2 id="etapes">Étapes</h2>
        <ol className="tracking-steps">
          {order.timeline.map((step) => (
            <li
              key={step.label}
              className={`step step-${step.state}`}
              aria-current={step.state === 'current' ? 'step' : undefined}
            >
              <strong>{step.label}</strong>
              {step.at && <span className="muted"> — {formatDateTime(step.at)}</span>}
              {step.state === 'upcoming' && <span className="muted"> (à venir)</span>}
              {step.detail && <p>{step.detail}</p>}
              {step.link && (
                <p>
                  <a href={step.link.href} rel="noreferrer noopener">
                    {step.link.label}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="contenu">
        <h2 id="contenu">Contenu de la commande</h2>
        <table className="spec-table">
          <caption>Livres, frais de livraison et TVA</caption>
          <thead>
            <tr>
              <th scope="col">Livre</th>
              <th scope="col">Quantité</th>
              <th scope="col">Montant TTC</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => {
              const estimate = window(line.deliveryEarliestOn, line.deliveryLatestOn, pickup);
              return (
                <tr key={line.ean}>
                  <td>
                    <Link href={`/livre/${line.ean}`}>{line.title}</Link>
                    <br />
                    <span className="muted">
                      {formatPrice(line.unitPriceCents)} l’exemplaire, TVA {formatRate(line.vatRateBasisPoints)}
                      {line.preOrderPublishedOn
                        ? ` — ${preOrderLabel(new Date(`${line.preOrderPublishedOn}T12:00:00Z`))}`
                        : line.backorderQuantity > 0 &&
                          ` — ${line.backorderQuantity} commandé${line.backorderQuantity > 1 ? 's' : ''} chez le distributeur`}
                      {estimate && ` — ${estimate}`}
                    </span>
                  </td>
                  <td>{line.quantity}</td>
                  <td>{formatPrice(line.lineTotalCents)}</td>
                </tr>
              );
            })}
            <tr>
              <td>{pickup ? 'Retrait en librairie' : 'Frais de livraison'}</td>
              <td />
              <td>{order.shippingCents === 0 ? 'Gratuit' : formatPrice(order.shippingCents)}</td>
            </tr>
            <tr>
              <th scope="row">Total TTC</th>
              <td />
              <td>{formatPrice(order.totalCents)}</td>
            </tr>
            {order.vat.map((rate) => (
              <tr key={rate.rateBasisPoints}>
                <td>
                  dont TVA {formatRate(rate.rateBasisPoints)} (base hors taxes {formatPrice(rate.baseExclVatCents)})
                </td>
                <td />
                <td>{formatPrice(rate.vatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="livraison">
        <h2 id="livraison">{pickup ? 'Retrait' : 'Livraison'}</h2>
        {pickup || !order.maskedAddress ? (
          <p>
            À retirer chez {shop.name}, {postalAddress(shop)}.
          </p>
        ) : (
          <p>
            {order.fullName}, {order.maskedAddress.street}, {order.maskedAddress.postalCode} {order.maskedAddress.city}
            <br />
            <span className="muted">Le nom de la rue est masqué sur cette page.</span>
          </p>
        )}
        {order.deliveryEarliestOn && order.deliveryLatestOn && (
          <p>
            {window(order.deliveryEarliestOn, order.deliveryLatestOn, pickup)?.replace(/^./, (c) => c.toUpperCase())}.
          </p>
        )}
      </section>

      {order.preOrderCancellation && (
        <section aria-labelledby="precommande">
          <h2 id="precommande">Précommande</h2>
          <p>
            Vos exemplaires précommandés ne sont pas encore reçus : vous pouvez les annuler jusqu’à leur expédition, et
            ils vous sont remboursés aussitôt.
          </p>
          <p>
            <Link href={`/suivi/${token}/annuler-precommande`}>Annuler ma précommande</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="documents">
        <h2 id="documents">Facture et rétractation</h2>
        <ul>
          {order.paid && (
            <li>
              <Link href={`/suivi/${token}/facture`}>Facture (page imprimable)</Link>
            </li>
          )}
          {order.withdrawal.ok && (
            <li>
              <Link href={`/suivi/${token}/retractation`}>Renoncer au contrat ici</Link>
              {order.withdrawal.lastDay && ` (jusqu’au ${day(order.withdrawal.lastDay)})`}
            </li>
          )}
        </ul>
        {order.withdrawals.map((withdrawal) => (
          <p key={withdrawal.id} className="notice">
            Rétractation enregistrée le {formatDateShort(withdrawal.declaredAt)} :{' '}
            {withdrawal.lines.map((line) => `${line.title} (${line.quantity})`).join(', ')}.
          </p>
        ))}
      </section>
    </>
  );
}
