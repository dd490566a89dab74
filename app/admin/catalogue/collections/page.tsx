import type { Metadata } from 'next';
import { CatalogNav, CatalogSearch, PageLinks } from '@/components/admin/catalog/catalog-nav';
import { CollectionForm } from '@/components/admin/catalog/taxonomy-forms';
import { requireStaff } from '@/lib/auth/require-staff';
import { CATALOG_PAGE_SIZE, listCollections, listPublisherOptions } from '@/lib/data/catalog/catalog-lists';
import { CatalogSearchSchema } from '@/lib/validation/catalog-editing';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Collections' };

export default async function CollectionsPage({ searchParams }: PageProps<'/admin/catalogue/collections'>) {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue/collections' });
  const { q, page } = CatalogSearchSchema.parse(firstValues(await searchParams));
  const [rows, publishers] = await Promise.all([listCollections(q, page), listPublisherOptions()]);
  return (
    <>
      <h1>Collections</h1>
      <CatalogNav current="/admin/catalogue/collections" isAdmin={staff.role === 'admin'} />
      <details className="create-entry">
        <summary>Nouvelle collection…</summary>
        <CollectionForm formKey="nouvelle" publishers={publishers} />
      </details>
      <CatalogSearch action="/admin/catalogue/collections" q={q} label="Nom de la collection ou de l’éditeur" />
      {rows.length === 0 ? (
        <p className="notice">Aucune collection ne correspond.</p>
      ) : (
        <ul className="plain-list entry-list">
          {rows.slice(0, CATALOG_PAGE_SIZE).map((row) => (
            <li key={row.id}>
              <details>
                <summary>
                  {row.name} <span className="muted">({row.publisherName})</span>
                </summary>
                <CollectionForm formKey={`collection-${row.id}`} collection={row} publishers={publishers} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <PageLinks base="/admin/catalogue/collections" q={q} page={page} hasMore={rows.length > CATALOG_PAGE_SIZE} />
    </>
  );
}
