import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/admin/login/login-form';
import { getCurrentStaff, safeNextPath } from '@/lib/auth/require-staff';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Connexion' };

/** The one public page of the back office. */
export default async function LoginPage({ searchParams }: PageProps<'/admin/connexion'>) {
  const next = safeNextPath(firstValues(await searchParams).suite);
  if (await getCurrentStaff()) redirect(next);
  return (
    <div className="login-page">
      <h1>Connexion à l’arrière-boutique</h1>
      <LoginForm next={next} />
    </div>
  );
}
