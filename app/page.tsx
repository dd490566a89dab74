import Link from 'next/link';
import { BookGrid } from '@/components/catalog/book-grid';
import { PickList } from '@/components/picks/pick-list';
import { listFeaturedBooks, listForthcomingBooks, listNewBooks } from '@/lib/data/storefront/books';
import { listLatestPicks } from '@/lib/data/storefront/book-picks';
import { listThemeTree } from '@/lib/data/storefront/themes';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';

async function HomePage() {
  const [shop, picks, featured, recent, forthcoming, themes] = await Promise.all([
    getShopSettings(),
    listLatestPicks(4),
    listFeaturedBooks(8),
    listNewBooks(8, new Date()),
    listForthcomingBooks(4),
    listThemeTree(),
  ]);
  allowListingInFrontCache();
  return (
    <>
      <h1>{shop.name}</h1>
      <p>
        Librairie juridique et universitaire indépendante : {shop.tagline.toLowerCase()}. Les livres en stock partent
        sous 24 h ; les autres sont commandés chez le distributeur.
      </p>
      {picks.length > 0 && (
        <>
          <h2 id="coups-de-coeur">Coups de cœur</h2>
          <PickList picks={picks} label="Coups de cœur des libraires" />
          <p>
            <Link href="/coups-de-coeur">Tous les coups de cœur des libraires</Link>
          </p>
        </>
      )}
      <h2 id="selection">Notre sélection</h2>
      <BookGrid books={featured} label="Notre sélection" />
      <h2 id="nouveautes">Nouveautés</h2>
      <BookGrid books={recent} label="Nouveautés" />
      {forthcoming.length > 0 && (
        <>
          <h2 id="a-paraitre">À paraître</h2>
          <BookGrid books={forthcoming} label="À paraître" />
        </>
      )}
      <h2 id="themes">Parcourir par thème</h2>
      <ul className="theme-list">
        {themes.map((theme) => (
          <li key={theme.path}>
            <Link href={`/theme/${theme.path}`}>{theme.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export default whenDatabaseAnswers(HomePage);
