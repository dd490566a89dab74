import Link from 'next/link';
import type { ReaderAddress } from '@/lib/data/readers/reader-addresses';

/**
 * A signed-in reader's saved addresses above the checkout form: each a plain link
 * (/commande?adresse=<id>) that fills the form in one click, with or without JavaScript.
 */
export function SavedAddresses({ addresses, chosenId }: { addresses: ReaderAddress[]; chosenId: number | null }) {
  if (addresses.length === 0) return null;
  return (
    <section aria-labelledby="adresses-enregistrees">
      <h2 id="adresses-enregistrees">Mes adresses enregistrées</h2>
      <ul className="account-addresses">
        {addresses.map((address) => (
          <li key={address.id}>
            <address>
              {address.fullName}, {address.addressLine1}
              {address.addressLine2 && `, ${address.addressLine2}`}, {address.postalCode} {address.city}
            </address>
            {address.id === chosenId ? (
              <strong>Adresse choisie</strong>
            ) : (
              <Link href={`/commande?adresse=${address.id}`}>
                Utiliser cette adresse<span className="visually-hidden"> : {address.addressLine1}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
