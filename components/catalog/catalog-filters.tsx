import { AVAILABILITY_STATE_LABELS } from '@/lib/availability';
import { AVAILABILITY_URL_VALUES } from '@/lib/catalog/availability-filter';
import type { CatalogQuery } from '@/lib/validation/catalog-query';

type Option = { name: string; slug?: string; path?: string };

type Props = {
  query: CatalogQuery;
  themes: { name: string; path: string; children: { name: string; path: string }[] }[];
  publishers: Option[];
  collections: Option[];
};

const SORT_LABELS = {
  nouveautes: 'Nouveautés d’abord',
  titre: 'Titre (A → Z)',
  'prix-croissant': 'Prix croissant',
  'prix-decroissant': 'Prix décroissant',
} as const;

/** A plain GET form: filters live in the URL and work without JavaScript. */
export function CatalogFilters({ query, themes, publishers, collections }: Props) {
  const selectedRoot = query.theme?.split('/')[0];
  return (
    <form className="filters" method="get" action="/livres" aria-label="Filtrer le catalogue">
      <label>
        Thème
        <select name="theme" defaultValue={query.theme ?? ''}>
          <option value="">Tous les thèmes</option>
          {themes.map((theme) =>
            // Sub-themes of the chosen root only: the whole tree is what the theme pages are for,
            // and every option weighs on each page of the catalog.
            selectedRoot === theme.path ? (
              <optgroup key={theme.path} label={theme.name}>
                <option value={theme.path}>{theme.name} (tout)</option>
                {theme.children.map((child) => (
                  <option key={child.path} value={child.path}>
                    {child.name}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={theme.path} value={theme.path}>
                {theme.name}
              </option>
            ),
          )}
        </select>
      </label>
      <label>
        Collection
        <select name="collection" defaultValue={query.collection ?? ''}>
          <option value="">Toutes les collections</option>
          {collections.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Éditeur
        <select name="editeur" defaultValue={query.editeur ?? ''}>
          <option value="">Tous les éditeurs</option>
          {publishers.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Disponibilité
        <select name="disponibilite" defaultValue={query.disponibilite ?? ''}>
          <option value="">Toutes</option>
          {Object.entries(AVAILABILITY_URL_VALUES).map(([value, state]) => (
            <option key={value} value={value}>
              {AVAILABILITY_STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Trier par
        <select name="tri" defaultValue={query.tri}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Afficher</button>
    </form>
  );
}
