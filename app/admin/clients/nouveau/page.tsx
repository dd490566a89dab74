import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganisationForm } from '@/components/admin/customer-organisations/organisation-form';
import { requireStaff } from '@/lib/auth/require-staff';

export const metadata: Metadata = { title: 'Nouvelle organisation' };

export default async function NewOrganisationPage() {
  await requireStaff('libraire', { loginRedirect: '/admin/clients/nouveau' });
  return (
    <>
      <h1>Nouvelle organisation</h1>
      <p>
        <Link href="/admin/clients">Retour aux clients professionnels</Link>
      </p>
      <OrganisationForm organisation={null} />
    </>
  );
}
