import Link from 'next/link';
import { CartLink } from './cart-link';

type Props = { shopName: string; tagline: string; query?: string; cartCount: number | null };

/** On a phone: the name and the cart on one line, then the search, then the catalog links. */
export function SiteHeader({ shopName, tagline, query = '', cartCount }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header-bar">
        <Link href="/" className="brand">
          {shopName}
          <small>{tagline}</small>
        </Link>
        {/* The same link for everyone, signed in or not: the header of a cached page stays anonymous. */}
        <Link href="/compte" className="account-link">
          Mon compte
        </Link>
        <CartLink count={cartCount} />
        <form className="search-form" role="search" action="/recherche" method="get">
          <label htmlFor="site-search" className="visually-hidden">
            Rechercher un livre (titre, auteur, ISBN)
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={200}
            placeholder="Titre, auteur, ISBN…"
          />
          <button type="submit">Rechercher</button>
        </form>
        <nav className="site-nav" aria-label="Navigation principale">
          <ul>
            <li>
              <Link href="/livres">Catalogue</Link>
            </li>
            <li>
              <Link href="/livres?tri=nouveautes">Nouveautés</Link>
            </li>
            <li>
              <Link href="/livres?disponibilite=en-stock">En stock</Link>
            </li>
            <li>
              <Link href="/coups-de-coeur">Coups de cœur</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
