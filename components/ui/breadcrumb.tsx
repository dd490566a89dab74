import Link from 'next/link';

export type Crumb = { label: string; href: string };

/** Last crumb is the current page. https://www.w3.org/WAI/ARIA/apg/patterns/breadcrumb/ */
type Props = { crumbs: Crumb[]; label?: string; lastIsCurrentPage?: boolean };

export function Breadcrumb({ crumbs, label = 'Fil d’Ariane', lastIsCurrentPage = true }: Props) {
  return (
    <nav className="breadcrumb" aria-label={label}>
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.href}>
            <Link
              href={crumb.href}
              aria-current={lastIsCurrentPage && index === crumbs.length - 1 ? 'page' : undefined}
            >
              {crumb.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
