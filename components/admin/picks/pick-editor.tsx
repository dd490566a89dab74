import { Field } from '@/components/ui/field';
import { formatDateShort } from '@/lib/core/date';
import type { PickForEditing } from '@/lib/data/catalog/book-picks';
import { PICK_NOTE_MAX, PICK_NOTE_MIN } from '@/lib/validation/book-picks';
import { ActionForm } from '../action-form';
import { removeBookPickAction, saveBookPickAction } from './actions';

type Props = { ean: string; pick: PickForEditing | null; defaultName: string };

/** "Le mot du libraire" on the book's back-office page: write it, rewrite it, withdraw it. */
export function PickEditor({ ean, pick, defaultName }: Props) {
  return (
    <section aria-labelledby="mot-du-libraire" className="pick-editor">
      <h2 id="mot-du-libraire">Le mot du libraire (coup de cœur)</h2>
      <p>
        {pick
          ? `Coup de cœur signé ${pick.booksellerName}, modifié le ${formatDateShort(pick.updatedAt)}${pick.staffName ? ` par ${pick.staffName}` : ''}.`
          : 'Pas de coup de cœur : un mot écrit ici paraît sur la page du livre, sur l’accueil et dans les coups de cœur.'}
      </p>
      <ActionForm
        action={saveBookPickAction}
        submitLabel={pick ? 'Enregistrer le mot du libraire' : 'Publier le coup de cœur'}
        className="admin-form"
      >
        <input type="hidden" name="ean" value={ean} />
        <Field
          control="textarea"
          name="note"
          label="Le mot du libraire"
          rows={6}
          required
          minLength={PICK_NOTE_MIN}
          maxLength={PICK_NOTE_MAX}
          defaultValue={pick?.note ?? ''}
          hint={`De ${PICK_NOTE_MIN} à ${PICK_NOTE_MAX.toLocaleString('fr-FR')} caractères ; une ligne vide sépare deux paragraphes.`}
        />
        <Field
          name="booksellerName"
          label="Signé (prénom)"
          required
          maxLength={40}
          defaultValue={pick?.booksellerName ?? defaultName}
        />
      </ActionForm>
      {pick && (
        <ActionForm action={removeBookPickAction} submitLabel="Retirer le coup de cœur" label="Retirer le coup de cœur">
          <input type="hidden" name="ean" value={ean} />
        </ActionForm>
      )}
    </section>
  );
}
