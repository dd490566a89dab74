import type { Metadata } from 'next';
import { CreateStaffForm } from '@/components/admin/staff/create-staff-form';
import { StaffTable } from '@/components/admin/staff/staff-table';
import { requireStaff } from '@/lib/auth/require-staff';
import { listStaffAccounts } from '@/lib/data/staff/staff';

export const metadata: Metadata = { title: 'Équipe' };

export default async function StaffPage() {
  const staff = await requireStaff('admin', { loginRedirect: '/admin/equipe' });
  const accounts = await listStaffAccounts();
  return (
    <>
      <h1>Équipe</h1>
      <StaffTable accounts={accounts} currentStaffId={staff.id} />
      <CreateStaffForm />
    </>
  );
}
