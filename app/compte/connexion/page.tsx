import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/account/sign-in-form';

export const metadata: Metadata = {
  title: 'Connexion à mon compte',
  description: 'Recevez par courriel un lien et un code pour vous connecter, sans mot de passe.',
  alternates: { canonical: '/compte/connexion' },
};

const NOTICES: Record<string, string> = {
  deconnecte: 'Vous êtes déconnecté.',
  'compte-supprime':
    'Votre compte est supprimé. Vos commandes restent enregistrées le temps que la loi l’exige, sans votre adresse e-mail ni votre téléphone.',
};

/** Anonymous and the same for everyone: the front cache may keep it. */
export default async function SignInPage({ searchParams }: PageProps<'/compte/connexion'>) {
  const params = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => params[key] !== undefined);
  return (
    <>
      <h1>Mon compte</h1>
      {notice && (
        <p className="notice" role="status">
          {NOTICES[notice]}
        </p>
      )}
      <p>
        Sans mot de passe : indiquez votre adresse e-mail, nous y envoyons un lien et un code de connexion, valables 15
        minutes. Votre compte est créé à la première connexion ; il retrouve les commandes déjà passées avec cette
        adresse. Il est facultatif : vous pouvez toujours commander sans compte.
      </p>
      <SignInForm />
      <p>
        Vous avez déjà reçu un code ? <Link href="/compte/connexion/code">Saisir mon code de connexion</Link>
      </p>
      <p>
        Ce que nous conservons et pour combien de temps :{' '}
        <Link href="/donnees-personnelles#finalites">vos données personnelles</Link>.
      </p>
    </>
  );
}
