import type { Metadata } from 'next';
import Link from 'next/link';
import { CodeForm } from '@/components/account/code-form';

export const metadata: Metadata = { title: 'Saisir mon code de connexion', robots: { index: false } };

export default function SignInCodePage() {
  return (
    <>
      <h1>Saisir mon code de connexion</h1>
      <p>
        Le code à 6 chiffres du courriel de connexion, avec l’adresse à laquelle il a été envoyé. Il est valable 15
        minutes, une seule fois.
      </p>
      <CodeForm />
      <p>
        Pas de code ? <Link href="/compte/connexion">Recevoir un lien de connexion</Link>
      </p>
    </>
  );
}
