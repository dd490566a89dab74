import type { Metadata } from 'next';
import { PasswordForm } from '@/components/admin/account/password-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { STAFF_ROLE_LABELS } from '@/lib/staff/roles';

export const metadata: Metadata = { title: 'Mon compte' };

export default async function AccountPage() {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/mon-compte' });
  return (
    <>
      <h1>Mon compte</h1>
      <p>
        {staff.name}, {staff.email} — {STAFF_ROLE_LABELS[staff.role]}.
      </p>
      <h2>Changer de mot de passe</h2>
      <p>Vos autres sessions seront fermées.</p>
      <PasswordForm />
    </>
  );
}
