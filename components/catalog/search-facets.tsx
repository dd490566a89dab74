import Link from 'next/link';
import type { SearchResult } from '@/lib/data/storefront/search';
import { searchHref, type SearchQuery } from '@/lib/validation/search-query';

type Props = { query: SearchQuery; facets: SearchResult['facets']; sample: number };

type Group = { title: string; param: 'theme' | 'editeur' | 'disponibilite'; items: SearchResult['facets']['themes'] };

/** Links that narrow the search, counted on the first results (the count says "parmi les …"). */
export function SearchFacets({ query, facets, sample }: Props) {
  const groups: Group[] = [
    { title: 'Thème', param: 'theme', items: facets.themes },
    { title: 'Éditeur', param: 'editeur', items: facets.publishers },
    { title: 'Disponibilité', param: 'disponibilite', items: facets.availability },
  ];
  const { q, page: _page, ...filters } = query;
  const active = Object.keys(filters).length > 0;
  if (groups.every((group) => group.items.length === 0) && !active) return null;
  return (
    <nav className="search-facets" aria-label="Affiner la recherche">
      <p>Affiner parmi les {sample} premiers résultats :</p>
      {groups.map(
        (group) =>
          group.items.length > 0 && (
            <section key={group.param} aria-label={group.title}>
              <h2>{group.title}</h2>
              <ul>
                {group.items.map((item) => (
                  <li key={item.key}>
                    {filters[group.param] === item.key ? (
                      <span aria-current="true">
                        {item.label} ({item.count})
                      </span>
                    ) : (
                      <Link href={searchHref(q, 1, { ...filters, [group.param]: item.key })}>
                        {item.label} ({item.count})
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
      {active && <Link href={searchHref(q, 1)}>Retirer les filtres</Link>}
    </nav>
  );
}
