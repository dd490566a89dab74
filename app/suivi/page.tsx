import type { Metadata } from 'next';
import { LookupForm } from '@/components/tracking/lookup-form';

export const metadata: Metadata = {
  title: 'Suivre une commande',
  description: 'Recevez par courriel le lien qui ouvre le suivi de votre commande.',
  alternates: { canonical: '/suivi' },
};

export default function TrackingLookupPage() {
  return (
    <>
      <h1>Suivre une commande</h1>
      <p>
        Indiquez le numéro de votre commande (il figure dans le courriel de confirmation, par exemple LF-7K3P9QXW) et
        l’adresse e-mail utilisée pour commander : nous y envoyons un lien personnel qui ouvre le suivi de la commande.
      </p>
      <LookupForm />
    </>
  );
}
