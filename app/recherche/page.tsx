import type { Metadata } from 'next';
import Link from 'next/link';
import { BookListSection } from '@/components/catalog/book-list-section';
import { SearchFacets } from '@/components/catalog/search-facets';
import { searchCatalog } from '@/lib/data/storefront/search';
import { parseSearchQuery, searchHref } from '@/lib/validation/search-query';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = {
  title: 'Recherche',
  robots: { index: false, follow: true },
};

async function SearchPage({ searchParams }: PageProps<'/recherche'>) {
  const query = parseSearchQuery(await searchParams);
  const { q, page: _page, ...filters } = query;
  if (q === '') {
    return (
      <>
        <h1>Recherche</h1>
        <SearchForm q="" />
        <p>Saisissez un titre, un nom d’auteur, un éditeur ou un ISBN.</p>
      </>
    );
  }
  const result = await searchCatalog(query);
  return (
    <>
      <h1>Recherche : « {q} »</h1>
      <SearchForm q={q} />
      {result.isbnMatch && <p>Livre trouvé par son ISBN.</p>}
      {result.correctedQuery && (
        <p role="note">
          Aucun livre pour « {q} ». Résultats pour «{' '}
          <Link href={searchHref(result.correctedQuery, 1, filters)}>{result.correctedQuery}</Link> » :
        </p>
      )}
      <SearchFacets query={query} facets={result.facets} sample={result.facetSample} />
      <BookListSection
        list={result}
        label="Résultats de la recherche"
        hrefFor={(p) => searchHref(q, p, filters)}
        empty="Aucun livre ne correspond à votre recherche. Vérifiez l’orthographe ou essayez moins de mots."
      />
      <p>
        Vous ne trouvez pas votre livre ?{' '}
        <Link href="/commander-un-livre">Commandez-le : nous le faisons venir gratuitement, même à l’unité</Link>.
      </p>
    </>
  );
}

function SearchForm({ q }: { q: string }) {
  return (
    <form className="filters" role="search" action="/recherche" method="get">
      <label>
        Votre recherche
        <input type="search" name="q" defaultValue={q} maxLength={200} />
      </label>
      <button type="submit">Rechercher</button>
    </form>
  );
}

export default whenDatabaseAnswers(SearchPage);
