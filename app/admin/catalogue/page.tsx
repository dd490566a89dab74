import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogNav, CatalogSearch, PageLinks } from '@/components/admin/catalog/catalog-nav';
import { requireStaff } from '@/lib/auth/require-staff';
import { CATALOG_PAGE_SIZE, searchBooksForEditing } from '@/lib/data/catalog/catalog-lists';
import { formatPrice } from '@/lib/core/money';
import { CatalogSearchSchema } from '@/lib/validation/catalog-editing';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Catalogue' };

export default async function CatalogPage({ searchParams }: PageProps<'/admin/catalogue'>) {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue' });
  const { q, page } = CatalogSearchSchema.parse(firstValues(await searchParams));
  const rows = await searchBooksForEditing(q, page);
  return (
    <>
      <h1>Catalogue</h1>
      <CatalogNav current="/admin/catalogue" isAdmin={staff.role === 'admin'} />
      <CatalogSearch action="/admin/catalogue" q={q} label="EAN ou mots du titre, de l’auteur, de l’éditeur" />
      {rows.length === 0 ? (
        <p className="notice">Aucun livre ne correspond.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Livres</caption>
          <thead>
            <tr>
              <th scope="col">Livre</th>
              <th scope="col">Éditeur</th>
              <th scope="col">Prix public</th>
              <th scope="col">Stock</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, CATALOG_PAGE_SIZE).map((row) => (
              <tr key={row.ean}>
                <th scope="row">
                  <Link href={`/admin/catalogue/livres/${row.ean}`}>{row.title}</Link>
                  {row.delisted && <span className="badge"> retiré par les distributeurs</span>}
                  <br />
                  <span className="muted">EAN {row.ean}</span>
                </th>
                <td>{row.publisherName}</td>
                <td>{formatPrice(row.priceCents)}</td>
                <td>
                  <Link href={`/admin/stock/${row.ean}`}>
                    Stock<span className="visually-hidden"> de « {row.title} »</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageLinks base="/admin/catalogue" q={q} page={page} hasMore={rows.length > CATALOG_PAGE_SIZE} />
    </>
  );
}
