import Link from 'next/link';

export function SiteFooter({ shopName }: { shopName: string }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          {shopName} — librairie indépendante. Les livres neufs sont vendus au prix fixé par l’éditeur (loi n° 81-766 du
          10 août 1981 relative au prix du livre).
        </p>
        <nav aria-label="Informations">
          <ul>
            <li>
              <Link href="/conditions-generales-de-vente">Conditions générales de vente</Link>
            </li>
            <li>
              {/* Loi n° 2004-575, art. 1-1: the publisher's and the host's identity, one click from every page. */}
              <Link href="/mentions-legales">Mentions légales</Link>
            </li>
            <li>
              <Link href="/donnees-personnelles">Données personnelles</Link>
            </li>
            <li>
              <Link href="/accessibilite">Accessibilité</Link>
            </li>
            <li>
              <Link href="/livres">Tout le catalogue</Link>
            </li>
            <li>
              <Link href="/commander-un-livre">Commander un livre absent du catalogue</Link>
            </li>
            <li>
              <Link href="/suivi">Suivre une commande</Link>
            </li>
            <li>
              {/* The withdrawal function, on every page (Code de la consommation, art. L221-21, D221-5). */}
              <Link href="/retractation">Renoncer au contrat ici</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
