import type { ShopSettings } from '@/lib/shop/settings';

/**
 * Who sells: the identity the seller must give before the contract and on its site (Code de la
 * consommation, art. L221-5 and L111-1; loi n° 2004-575, art. 19), as the admin set it.
 */
export function SellerIdentity({ shop }: { shop: ShopSettings }) {
  return (
    <section aria-labelledby="vendeur">
      <h2 id="vendeur">Vendeur</h2>
      <address>
        {shop.legalName}
        <br />
        {shop.addressLine1}
        {shop.addressLine2 && (
          <>
            <br />
            {shop.addressLine2}
          </>
        )}
        <br />
        {shop.postalCode} {shop.city}
        <br />
        <a href={`mailto:${shop.email}`}>{shop.email}</a> — {shop.phone}
      </address>
      <p>
        SIRET {shop.siret} — TVA intracommunautaire {shop.vatNumber}
      </p>
    </section>
  );
}
