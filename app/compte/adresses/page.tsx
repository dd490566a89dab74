import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountNav } from '@/components/account/account-nav';
import { deleteAddressAction } from '@/components/account/actions';
import { requireReader } from '@/lib/auth/require-reader';
import { listReaderAddresses } from '@/lib/data/readers/reader-addresses';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes adresses', robots: { index: false } };

const NOTICES: Record<string, { text: string; error?: boolean }> = {
  enregistree: { text: 'Adresse enregistrée.' },
  supprimee: { text: 'Adresse supprimée.' },
  erreur: { text: 'Cette adresse n’existe pas, ou a déjà été supprimée.', error: true },
};

async function AddressesPage({ searchParams }: PageProps<'/compte/adresses'>) {
  const reader = await requireReader();
  const params = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => params[key] !== undefined);
  const addresses = await listReaderAddresses(reader.id);
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Mes adresses</h2>
      {notice && (
        <p
          className={NOTICES[notice]!.error ? 'form-error' : 'notice'}
          role={NOTICES[notice]!.error ? 'alert' : 'status'}
        >
          {NOTICES[notice]!.text}
        </p>
      )}
      <p>
        Les adresses de livraison de vos commandes, proposées en un clic au moment de commander. Une nouvelle adresse
        s’ajoute quand vous commandez connecté.
      </p>
      {addresses.length === 0 ? (
        <p>Aucune adresse enregistrée.</p>
      ) : (
        <ul className="account-addresses">
          {addresses.map((address) => (
            <li key={address.id}>
              <address>
                {address.fullName}
                <br />
                {address.addressLine1}
                {address.addressLine2 && (
                  <>
                    <br />
                    {address.addressLine2}
                  </>
                )}
                <br />
                {address.postalCode} {address.city}
                {address.phone && (
                  <>
                    <br />
                    {address.phone}
                  </>
                )}
              </address>
              <Link href={`/compte/adresses/${address.id}`}>
                Modifier<span className="visually-hidden"> l’adresse {address.addressLine1}</span>
              </Link>
              <form action={deleteAddressAction}>
                <input type="hidden" name="id" value={address.id} />
                <button type="submit">
                  Supprimer<span className="visually-hidden"> l’adresse {address.addressLine1}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default whenDatabaseAnswers(AddressesPage);
