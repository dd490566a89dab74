import type { Metadata } from 'next';
import { SettingsForm } from '@/components/admin/shop-settings/settings-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { settingsFormValues } from '@/lib/shop/settings';

export const metadata: Metadata = { title: 'Réglages de la librairie' };

export default async function ShopSettingsPage() {
  await requireStaff('admin', { loginRedirect: '/admin/reglages' });
  const settings = await getShopSettings();
  return (
    <>
      <h1>Réglages de la librairie</h1>
      <p>Ces informations figurent dans les conditions générales de vente et les e-mails aux clients.</p>
      <SettingsForm values={settingsFormValues(settings)} version={settings.version} />
    </>
  );
}
