import type { Metadata } from 'next';
import { SettingsForm } from '@/components/admin/shop-settings/settings-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { hasPlaceholderMediator, settingsFormValues } from '@/lib/shop/settings';

export const metadata: Metadata = { title: 'Réglages de la librairie' };

export default async function ShopSettingsPage() {
  await requireStaff('admin', { loginRedirect: '/admin/reglages' });
  const settings = await getShopSettings();
  return (
    <>
      <h1>Réglages de la librairie</h1>
      <p>
        Ces informations figurent dans les conditions générales de vente, les mentions légales, la politique de données
        personnelles, la déclaration d’accessibilité et les e-mails aux clients.
      </p>
      {hasPlaceholderMediator(settings) && (
        <p className="notice" role="status">
          Le médiateur de la consommation est celui de la démonstration. Indiquez celui auquel la librairie adhère (Code
          de la consommation, art. L612-1) : avec des clés Stripe réelles, la boutique refuse les commandes tant qu’il
          n’est pas remplacé.
        </p>
      )}
      <SettingsForm values={settingsFormValues(settings)} version={settings.version} />
    </>
  );
}
