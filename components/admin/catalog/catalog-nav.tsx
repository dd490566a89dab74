import Link from 'next/link';
import { Field } from '@/components/ui/field';

const SECTIONS = [
  { href: '/admin/catalogue', label: 'Livres' },
  { href: '/admin/catalogue/livres/nouveau', label: 'Nouveau livre' },
  { href: '/admin/catalogue/auteurs', label: 'Auteurs' },
  { href: '/admin/catalogue/editeurs', label: 'Éditeurs' },
  { href: '/admin/catalogue/collections', label: 'Collections' },
  { href: '/admin/catalogue/themes', label: 'Thèmes' },
  { href: '/admin/catalogue/distributeurs', label: 'Distributeurs', adminOnly: true },
  { href: '/admin/catalogue/imports', label: 'Imports ONIX' },
];

/** The catalog's sections; the current one is marked for assistive technologies. */
export function CatalogNav({ current, isAdmin }: { current: string; isAdmin: boolean }) {
  return (
    <nav className="stage-counts" aria-label="Catalogue">
      <ul>
        {SECTIONS.filter((section) => isAdmin || !section.adminOnly).map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={section.href === current ? 'page' : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A search box (GET) and "previous / next page" links for the catalog's lists. */
export function CatalogSearch({ action, q, label }: { action: string; q: string | undefined; label: string }) {
  return (
    <form className="admin-filters" method="get" action={action} role="search" aria-label={label}>
      <Field
        label={<>{label}</>}
        layout="field-wide"
        name="q"
        type="search"
        defaultValue={q ?? ''}
        maxLength={100}
        autoComplete="off"
      />
      <button type="submit">Chercher</button>
    </form>
  );
}

export function PageLinks({
  base,
  q,
  page,
  hasMore,
}: {
  base: string;
  q: string | undefined;
  page: number;
  hasMore: boolean;
}) {
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (p > 1) params.set('page', String(p));
    const search = params.toString();
    return search ? `${base}?${search}` : base;
  };
  if (page === 1 && !hasMore) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <ul>
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev">
              Page précédente
            </Link>
          </li>
        )}
        <li>
          <span aria-current="page">Page {page}</span>
        </li>
        {hasMore && (
          <li>
            <Link href={href(page + 1)} rel="next">
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
