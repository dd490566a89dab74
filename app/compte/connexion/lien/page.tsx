import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkForm } from '@/components/account/link-form';
import { isSignInTokenShape } from '@/lib/reader-accounts/sign-in-secrets';

export const metadata: Metadata = { title: 'Connexion', robots: { index: false }, referrer: 'no-referrer' };

/**
 * Opening the e-mail's link only shows a button: the POST uses the link. Mail scanners and link
 * previews open links (GET) to inspect them; they do not press buttons. Nothing is read here.
 */
export default async function SignInLinkPage({ searchParams }: PageProps<'/compte/connexion/lien'>) {
  const { jeton } = await searchParams;
  const token = typeof jeton === 'string' && isSignInTokenShape(jeton) ? jeton : null;
  return (
    <>
      <h1>Connexion à mon compte</h1>
      {token ? (
        <>
          <p>Pour vous connecter sur cet appareil, appuyez sur le bouton.</p>
          <LinkForm token={token} />
        </>
      ) : (
        <p className="form-error" role="alert">
          Ce lien de connexion est incomplet. Copiez-le en entier depuis le courriel, ou{' '}
          <Link href="/compte/connexion">demandez-en un nouveau</Link>.
        </p>
      )}
    </>
  );
}
