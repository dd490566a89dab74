import type { Metadata } from 'next';
import { CatalogNav, CatalogSearch, PageLinks } from '@/components/admin/catalog/catalog-nav';
import { PublisherForm } from '@/components/admin/catalog/taxonomy-forms';
import { requireStaff } from '@/lib/auth/require-staff';
import { CATALOG_PAGE_SIZE, listPublishers } from '@/lib/data/catalog/catalog-lists';
import { CatalogSearchSchema } from '@/lib/validation/catalog-editing';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Éditeurs' };

export default async function PublishersPage({ searchParams }: PageProps<'/admin/catalogue/editeurs'>) {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue/editeurs' });
  const { q, page } = CatalogSearchSchema.parse(firstValues(await searchParams));
  const rows = await listPublishers(q, page);
  return (
    <>
      <h1>Éditeurs</h1>
      <CatalogNav current="/admin/catalogue/editeurs" isAdmin={staff.role === 'admin'} />
      <details className="create-entry">
        <summary>Nouvel éditeur…</summary>
        <PublisherForm formKey="nouveau" />
      </details>
      <CatalogSearch action="/admin/catalogue/editeurs" q={q} label="Nom" />
      {rows.length === 0 ? (
        <p className="notice">Aucun éditeur ne correspond.</p>
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
                <PublisherForm formKey={`editeur-${row.id}`} publisher={row} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <PageLinks base="/admin/catalogue/editeurs" q={q} page={page} hasMore={rows.length > CATALOG_PAGE_SIZE} />
    </>
  );
}
