import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganisationSearch, OrganisationTable } from '@/components/admin/customer-organisations/organisation-list';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { listOrganisations, ORGANISATIONS_PAGE_SIZE } from '@/lib/data/customers/customer-organisations';
import { OrganisationQuerySchema } from '@/lib/validation/customer-organisations';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Clients professionnels' };

export default async function OrganisationsPage({ searchParams }: PageProps<'/admin/clients'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/clients' });
  const query = OrganisationQuerySchema.parse(firstValues(await searchParams));
  const { total, rows } = await listOrganisations(query);
  const hrefFor = (page: number) => {
    const params = new URLSearchParams({ ...(query.q && { q: query.q }), ...(page > 1 && { page: String(page) }) });
    return `/admin/clients${params.size > 0 ? `?${params}` : ''}`;
  };
  return (
    <>
      <h1>Clients professionnels</h1>
      <p>
        Bibliothèques, administrations, établissements d’enseignement, entreprises et librairies : leur remise dans les
        limites de la loi, leurs conditions de paiement et les personnes qui commandent pour eux.{' '}
        <Link href="/admin/clients/nouveau">Nouvelle organisation</Link> ·{' '}
        <Link href="/admin/clients/droit-de-pret">Droit de prêt en bibliothèque</Link>
      </p>
      <OrganisationSearch q={query.q} />
      <p className="result-count" role="status">
        {total} organisation{total > 1 ? 's' : ''}
      </p>
      {rows.length > 0 && <OrganisationTable rows={rows} />}
      <Pagination
        page={query.page}
        pageCount={Math.max(Math.ceil(total / ORGANISATIONS_PAGE_SIZE), 1)}
        hrefFor={hrefFor}
      />
    </>
  );
}
