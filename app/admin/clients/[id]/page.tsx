import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrganisationForm } from '@/components/admin/customer-organisations/organisation-form';
import { StatementSection } from '@/components/admin/customer-organisations/statement-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDateShort } from '@/lib/core/date';
import { getOrganisationForEditing } from '@/lib/data/customers/customer-organisations';
import { countOrdersAwaitingStatement } from '@/lib/data/invoicing/statements';
import { ORGANISATION_KIND_LABELS } from '@/lib/organisations/kinds';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Fiche de l’organisation' };

export default async function OrganisationPage({ params, searchParams }: PageProps<'/admin/clients/[id]'>) {
  const { id: raw } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/clients/${encodeURIComponent(raw)}` });
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const organisation = id ? await getOrganisationForEditing(id) : null;
  if (!organisation) notFound();
  const created = firstValues(await searchParams).cree === '1';
  const waiting = await countOrdersAwaitingStatement(organisation.id);
  return (
    <>
      <h1>{organisation.name}</h1>
      {created && (
        <p className="form-success" role="status">
          Organisation créée.
        </p>
      )}
      <p>
        {ORGANISATION_KIND_LABELS[organisation.kind]} — modifiée le {formatDateShort(organisation.updatedAt)} ·{' '}
        <Link href="/admin/clients">Retour aux clients professionnels</Link>
      </p>
      <StatementSection
        organisationId={organisation.id}
        monthlyStatement={organisation.monthlyStatement}
        waiting={waiting}
      />
      <OrganisationForm organisation={organisation} />
    </>
  );
}
