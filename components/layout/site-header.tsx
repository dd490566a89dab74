import Link from 'next/link';

export function SiteHeader({ shopName, tagline, query = '' }: { shopName: string; tagline: string; query?: string }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand">
          {shopName}
          <small>{tagline}</small>
        </Link>
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
              <Link href="/panier">Panier</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
