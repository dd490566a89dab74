import type { Metadata } from 'next';
import { AccountNav } from '@/components/account/account-nav';
import { shareWishListAction, stopSharingWishListAction } from '@/components/account/wish-list-actions';
import { WishListView } from '@/components/account/wish-list-view';
import { requireReader } from '@/lib/auth/require-reader';
import { getWishListShareToken, listWishList } from '@/lib/data/readers/wish-list';
import { getEnv } from '@/lib/env';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Ma liste', robots: { index: false } };

const NOTICES: Record<string, { text: string; error?: boolean }> = {
  ajoute: { text: 'Livre ajouté à votre liste.' },
  retire: { text: 'Livre retiré de votre liste.' },
  partagee: { text: 'Votre liste a un lien de partage : qui l’a peut la lire, sans pouvoir la modifier.' },
  privee: { text: 'Votre liste n’est plus partagée : l’ancien lien n’ouvre plus rien.' },
};
const ERRORS: Record<string, string> = {
  livre: 'Ce livre n’est plus au catalogue, ou n’est pas dans votre liste.',
  pleine: 'Votre liste compte déjà 500 livres : retirez-en avant d’en ajouter.',
};

async function WishListPage({ searchParams }: PageProps<'/compte/liste'>) {
  const reader = await requireReader();
  const params = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => params[key] !== undefined);
  const error = typeof params.erreur === 'string' ? ERRORS[params.erreur] : undefined;
  const [entries, token] = await Promise.all([listWishList(reader.id), getWishListShareToken(reader.id)]);
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Ma liste</h2>
      {notice && (
        <p className="notice" role="status">
          {NOTICES[notice]!.text}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 ? (
        <p>Votre liste est vide : ajoutez-y des livres depuis leur page (« Ajouter à ma liste »).</p>
      ) : (
        <WishListView entries={entries} label="Ma liste" editable />
      )}
      <section aria-labelledby="partage">
        <h3 id="partage">Partager ma liste</h3>
        {token ? (
          <>
            <p>
              <label htmlFor="lien-liste">Lien de partage (lecture seule)</label>
              <input id="lien-liste" type="url" readOnly value={`${getEnv().SITE_URL}/liste/${token}`} size={60} />
            </p>
            <form action={stopSharingWishListAction}>
              <button type="submit">Ne plus partager</button>
            </form>
          </>
        ) : (
          <>
            <p>
              Un lien permet à vos proches de voir votre liste (pour un cadeau, par exemple), sans votre adresse e-mail
              ni votre nom.
            </p>
            <form action={shareWishListAction}>
              <button type="submit">Créer un lien de partage</button>
            </form>
          </>
        )}
      </section>
    </>
  );
}

export default whenDatabaseAnswers(WishListPage);
