import Link from 'next/link';
import { signOutAction } from './actions';

/** The account's pages, and "Se déconnecter" (a POST: a link followed by a prefetch must not sign out). */
export function AccountNav({ email }: { email: string }) {
  return (
    <nav className="account-nav" aria-label="Mon compte">
      <p>
        Connecté avec <strong>{email}</strong>
      </p>
      <ul>
        <li>
          <Link href="/compte/commandes">Mes commandes</Link>
        </li>
        <li>
          <Link href="/compte/devis">Mes devis</Link>
        </li>
        <li>
          <Link href="/compte/adresses">Mes adresses</Link>
        </li>
        <li>
          <Link href="/compte/liste">Ma liste</Link>
        </li>
        <li>
          <Link href="/compte/alertes">Mes alertes</Link>
        </li>
        <li>
          <Link href="/compte/cles">Mes clés d’accès</Link>
        </li>
        <li>
          <Link href="/compte/donnees">Mes données</Link>
        </li>
      </ul>
      <form action={signOutAction}>
        <button type="submit">Se déconnecter</button>
      </form>
    </nav>
  );
}
