import { STOCK_STATES, type StockQuery } from '@/lib/validation/stock-levels';
import { Field } from '@/components/ui/field';

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
      <Field
        label="EAN ou mots du titre, de l’auteur"
        layout="field-wide"
        name="q"
        type="search"
        defaultValue={query.q ?? ''}
        maxLength={100}
        autoComplete="off"
      />
      <Field control="select" label="Livres" name="etat" defaultValue={query.etat}>
        {Object.entries(STOCK_STATES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Field>
      <Field control="select" label="Distributeur" name="fournisseur" defaultValue={query.fournisseur ?? ''}>
        <option value="">Tous</option>
        {suppliers.map((supplier) => (
          <option key={supplier.id} value={supplier.id}>
            {supplier.name}
          </option>
        ))}
      </Field>
      <Field control="select" label="Thème" name="theme" defaultValue={query.theme ?? ''}>
        <option value="">Tous</option>
        {themes
          .filter((theme) => theme.depth <= 2)
          .map((theme) => (
            <option key={theme.path} value={theme.path}>
              {theme.depth > 1 ? `— ${theme.name}` : theme.name}
            </option>
          ))}
      </Field>
      <button type="submit">Filtrer</button>
    </form>
  );
}
