import type { ShopIdentity } from '@/lib/shop/shop-identity';
import type { EmailContent, EmailLinks } from './template-parts';

// The sign-in e-mail of /compte/connexion: a button for the link, and the code for a reader who
// reads the e-mail on another device. It says nothing of the account (created at the first
// sign-in, or already there): the same e-mail for everyone.

export function signInLink(shop: ShopIdentity, links: EmailLinks): EmailContent {
  if (!links.signIn) throw new Error('A sign-in e-mail needs its link and code.');
  return {
    subject: `Votre connexion à ${shop.name}`,
    preheader: `Votre code de connexion : ${links.signIn.code}`,
    blocks: [
      { type: 'heading', text: 'Connexion à votre compte' },
      { type: 'paragraph', text: 'Bonjour,' },
      {
        type: 'paragraph',
        text: 'Vous avez demandé à vous connecter à votre compte lecteur. Ouvrez ce lien sur l’appareil où vous l’avez demandé :',
      },
      { type: 'button', label: 'Me connecter', url: links.signIn.url },
      {
        type: 'paragraph',
        text: `Ou saisissez sur la page de connexion votre code de connexion : ${links.signIn.code}`,
      },
      {
        type: 'small',
        text: 'Le lien et le code sont valables 15 minutes, une seule fois. Si vous n’avez rien demandé, ignorez ce courriel : personne n’entre dans votre compte sans eux.',
      },
      { type: 'small', text: `Une question ? Écrivez-nous à ${shop.email} ou appelez le ${shop.phone}.` },
    ],
  };
}
