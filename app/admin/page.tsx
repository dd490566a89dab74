import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/require-staff';

export default async function AdminHomePage() {
  await requireStaff('libraire', { loginRedirect: '/admin' });
  redirect('/admin/commandes');
}
