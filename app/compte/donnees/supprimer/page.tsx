import type { Metadata } from 'next';
import Link from 'next/link';
import { deleteAccountAction } from '@/components/account/actions';
import { requireReader } from '@/lib/auth/require-reader';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Supprimer mon compte', robots: { index: false } };

const ERRORS: Record<string, string> = {
  confirmation: 'Cochez la case pour confirmer la suppression.',
  indisponible: 'La suppression n’a pas pu se faire : réessayez dans un instant.',
};

/** The confirmation step: nothing is deleted before this form is posted with its box ticked. */
async function DeleteAccountPage({ searchParams }: PageProps<'/compte/donnees/supprimer'>) {
  const reader = await requireReader();
  const { erreur } = await searchParams;
  const error = typeof erreur === 'string' ? ERRORS[erreur] : undefined;
  return (
    <>
      <h1>Supprimer mon compte</h1>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p>Le compte {reader.email} sera supprimé tout de suite, avec :</p>
      <ul>
        <li>vos adresses enregistrées et vos connexions en cours ;</li>
        <li>
          l’adresse e-mail et le téléphone de vos commandes, et le texte des courriels envoyés : vous ne pourrez plus
          suivre ces commandes en ligne.
        </li>
      </ul>
      <p>
        Les commandes payées restent enregistrées, avec le nom et l’adresse de la facture, 10 ans (Code de commerce,
        art. L123-22).
      </p>
      <form action={deleteAccountAction} className="checkout-form">
        <label className="radio">
          <input type="checkbox" name="confirmation" value="oui" required /> Je confirme la suppression de mon compte
        </label>
        <button type="submit" className="button-main">
          Supprimer définitivement mon compte
        </button>
      </form>
      <p>
        <Link href="/compte/donnees">Annuler</Link>
      </p>
    </>
  );
}

export default whenDatabaseAnswers(DeleteAccountPage);
