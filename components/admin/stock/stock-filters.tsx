import { STOCK_STATES, type StockQuery } from '@/lib/validation/stock-desk';

type Props = {
  query: StockQuery;
  suppliers: { id: number; name: string }[];
  themes: { path: string; name: string; depth: number }[];
};

/** A plain GET form: every filter is in the URL, and the CSV export takes the same ones. */
export function StockFilters({ query, suppliers, themes }: Props) {
  return (
    <form
      className="admin-filters"
      method="get"
      action="/admin/stock"
      role="search"
      aria-label="Chercher dans le stock"
    >
      <div className="field field-wide">
        <label htmlFor="q">EAN ou mots du titre, de l’auteur</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="etat">Livres</label>
        <select id="etat" name="etat" defaultValue={query.etat}>
          {Object.entries(STOCK_STATES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="fournisseur">Distributeur</label>
        <select id="fournisseur" name="fournisseur" defaultValue={query.fournisseur ?? ''}>
          <option value="">Tous</option>
          {suppliers.map((supplier) => (
            <option key={supplier.id} value={supplier.id}>
              {supplier.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="theme">Thème</label>
        <select id="theme" name="theme" defaultValue={query.theme ?? ''}>
          <option value="">Tous</option>
          {themes
            .filter((theme) => theme.depth <= 2)
            .map((theme) => (
              <option key={theme.path} value={theme.path}>
                {theme.depth > 1 ? `— ${theme.name}` : theme.name}
              </option>
            ))}
        </select>
      </div>
      <button type="submit">Filtrer</button>
    </form>
  );
}
