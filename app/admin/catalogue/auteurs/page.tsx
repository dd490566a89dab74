import type { Metadata } from 'next';
import { CatalogNav, CatalogSearch, PageLinks } from '@/components/admin/catalog/catalog-nav';
import { ContributorForm } from '@/components/admin/catalog/taxonomy-forms';
import { requireStaff } from '@/lib/auth/require-staff';
import { CATALOG_PAGE_SIZE, listContributors } from '@/lib/data/catalog/catalog-lists';
import { CatalogSearchSchema } from '@/lib/validation/catalog-editing';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Auteurs' };

export default async function ContributorsPage({ searchParams }: PageProps<'/admin/catalogue/auteurs'>) {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue/auteurs' });
  const { q, page } = CatalogSearchSchema.parse(firstValues(await searchParams));
  const rows = await listContributors(q, page);
  return (
    <>
      <h1>Auteurs et contributeurs</h1>
      <CatalogNav current="/admin/catalogue/auteurs" isAdmin={staff.role === 'admin'} />
      <details className="create-entry">
        <summary>Nouvel auteur…</summary>
        <ContributorForm formKey="nouveau" />
      </details>
      <CatalogSearch action="/admin/catalogue/auteurs" q={q} label="Nom" />
      {rows.length === 0 ? (
        <p className="notice">Aucun auteur ne correspond.</p>
      ) : (
        <ul className="plain-list entry-list">
          {rows.slice(0, CATALOG_PAGE_SIZE).map((row) => (
            <li key={row.id}>
              <details>
                <summary>
                  {row.name}{' '}
                  <span className="muted">
                    ({row.books} livre{row.books > 1 ? 's' : ''})
                  </span>
                </summary>
                <ContributorForm formKey={`auteur-${row.id}`} contributor={row} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <PageLinks base="/admin/catalogue/auteurs" q={q} page={page} hasMore={rows.length > CATALOG_PAGE_SIZE} />
    </>
  );
}
