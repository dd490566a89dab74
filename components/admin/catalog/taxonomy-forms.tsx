import { formatDiscount } from '@/lib/stock/purchase-cost';
import { ActionForm } from '../action-form';
import {
  saveCollectionAction,
  saveContributorAction,
  savePublisherAction,
  saveSupplierAction,
  saveThemeAction,
} from './actions';

// The forms of the catalog's people, publishers, collections, themes and distributors: the same
// form creates (no id) and edits (a hidden id). `key` keeps each form's field ids unique on a page.

type Keyed = { formKey: string };

function Hidden({ id }: { id?: number }) {
  return id ? <input type="hidden" name="id" value={id} /> : null;
}

export function ContributorForm({
  formKey,
  contributor,
}: Keyed & { contributor?: { id: number; name: string; sortName: string; biography: string | null } }) {
  return (
    <ActionForm
      action={saveContributorAction}
      submitLabel={contributor ? `Enregistrer ${contributor.name}` : 'Créer l’auteur'}
      className="admin-form"
      label={contributor ? `Modifier ${contributor.name}` : 'Nouvel auteur'}
    >
      <Hidden id={contributor?.id} />
      <div className="field field-wide">
        <label htmlFor={`${formKey}-name`}>Nom, tel qu’imprimé</label>
        <input id={`${formKey}-name`} name="name" required maxLength={150} defaultValue={contributor?.name} />
      </div>
      <div className="field field-wide">
        <label htmlFor={`${formKey}-sortName`}>Nom pour le classement (Nom, Prénom)</label>
        <input
          id={`${formKey}-sortName`}
          name="sortName"
          required
          maxLength={150}
          defaultValue={contributor?.sortName}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formKey}-biography`}>Biographie</label>
        <textarea
          id={`${formKey}-biography`}
          name="biography"
          rows={4}
          maxLength={5000}
          defaultValue={contributor?.biography ?? ''}
        />
      </div>
    </ActionForm>
  );
}

export function PublisherForm({ formKey, publisher }: Keyed & { publisher?: { id: number; name: string } }) {
  return (
    <ActionForm
      action={savePublisherAction}
      submitLabel={publisher ? `Enregistrer ${publisher.name}` : 'Créer l’éditeur'}
      className="inline-form"
      label={publisher ? `Modifier ${publisher.name}` : 'Nouvel éditeur'}
    >
      <Hidden id={publisher?.id} />
      <div className="field field-wide">
        <label htmlFor={`${formKey}-name`}>Nom de l’éditeur</label>
        <input id={`${formKey}-name`} name="name" required maxLength={150} defaultValue={publisher?.name} />
      </div>
    </ActionForm>
  );
}

export function CollectionForm({
  formKey,
  collection,
  publishers,
}: Keyed & {
  collection?: { id: number; name: string; publisherId: number };
  publishers: { id: number; name: string }[];
}) {
  return (
    <ActionForm
      action={saveCollectionAction}
      submitLabel={collection ? `Enregistrer ${collection.name}` : 'Créer la collection'}
      className="inline-form"
      label={collection ? `Modifier ${collection.name}` : 'Nouvelle collection'}
    >
      <Hidden id={collection?.id} />
      <div className="field field-wide">
        <label htmlFor={`${formKey}-name`}>Nom de la collection</label>
        <input id={`${formKey}-name`} name="name" required maxLength={150} defaultValue={collection?.name} />
      </div>
      <div className="field">
        <label htmlFor={`${formKey}-publisher`}>Éditeur</label>
        <select id={`${formKey}-publisher`} name="publisherId" required defaultValue={collection?.publisherId ?? ''}>
          <option value="">Choisissez…</option>
          {publishers.map((publisher) => (
            <option key={publisher.id} value={publisher.id}>
              {publisher.name}
            </option>
          ))}
        </select>
      </div>
    </ActionForm>
  );
}

export function ThemeForm({
  formKey,
  theme,
  parents,
}: Keyed & {
  theme?: { id: number; name: string; clilCode: string | null; themaCode: string | null };
  parents?: { id: number; name: string; depth: number }[];
}) {
  return (
    <ActionForm
      action={saveThemeAction}
      submitLabel={theme ? `Enregistrer ${theme.name}` : 'Créer le thème'}
      className="inline-form"
      label={theme ? `Modifier ${theme.name}` : 'Nouveau thème'}
    >
      <Hidden id={theme?.id} />
      <div className="field field-wide">
        <label htmlFor={`${formKey}-name`}>Nom du thème</label>
        <input id={`${formKey}-name`} name="name" required maxLength={120} defaultValue={theme?.name} />
      </div>
      {parents && (
        <div className="field">
          <label htmlFor={`${formKey}-parent`}>Dans le thème</label>
          <select id={`${formKey}-parent`} name="parentId" defaultValue="">
            <option value="">(thème principal)</option>
            {parents.map((parent) => (
              <option key={parent.id} value={parent.id}>
                {`${'— '.repeat(parent.depth - 1)}${parent.name}`}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${formKey}-clil`}>Code CLIL</label>
        <input
          id={`${formKey}-clil`}
          name="clilCode"
          maxLength={4}
          inputMode="numeric"
          defaultValue={theme?.clilCode ?? ''}
          className="input-narrow"
        />
      </div>
      <div className="field">
        <label htmlFor={`${formKey}-thema`}>Code Thema</label>
        <input
          id={`${formKey}-thema`}
          name="themaCode"
          maxLength={16}
          defaultValue={theme?.themaCode ?? ''}
          className="input-narrow"
        />
      </div>
    </ActionForm>
  );
}

export type SupplierTerms = {
  id: number;
  name: string;
  gln: string | null;
  leadTimeMinDays: number;
  leadTimeMaxDays: number;
  defaultDiscountBasisPoints: number | null;
  returnOpensAfterDays: number;
  returnClosesAfterDays: number;
  returnNeedsAuthorization: boolean;
};

export function SupplierForm({ formKey, supplier }: Keyed & { supplier?: SupplierTerms }) {
  const discount = supplier?.defaultDiscountBasisPoints;
  return (
    <ActionForm
      action={saveSupplierAction}
      submitLabel={supplier ? `Enregistrer ${supplier.name}` : 'Créer le distributeur'}
      className="admin-form"
      label={supplier ? `Modifier ${supplier.name}` : 'Nouveau distributeur'}
    >
      <Hidden id={supplier?.id} />
      <div className="field field-wide">
        <label htmlFor={`${formKey}-name`}>Nom</label>
        <input id={`${formKey}-name`} name="name" required maxLength={150} defaultValue={supplier?.name} />
      </div>
      <div className="field">
        <label htmlFor={`${formKey}-gln`}>GLN (commandes EDI)</label>
        <input id={`${formKey}-gln`} name="gln" maxLength={13} inputMode="numeric" defaultValue={supplier?.gln ?? ''} />
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${formKey}-min`}>Délai minimal (jours ouvrés)</label>
          <input
            id={`${formKey}-min`}
            name="leadTimeMinDays"
            type="number"
            min={0}
            max={9999}
            required
            defaultValue={supplier?.leadTimeMinDays ?? 3}
            className="input-narrow"
          />
        </div>
        <div className="field">
          <label htmlFor={`${formKey}-max`}>Délai maximal (jours ouvrés)</label>
          <input
            id={`${formKey}-max`}
            name="leadTimeMaxDays"
            type="number"
            min={0}
            max={9999}
            required
            defaultValue={supplier?.leadTimeMaxDays ?? 6}
            className="input-narrow"
          />
        </div>
        <div className="field">
          <label htmlFor={`${formKey}-discount`}>Remise habituelle (%)</label>
          <input
            id={`${formKey}-discount`}
            name="defaultDiscount"
            inputMode="decimal"
            maxLength={6}
            defaultValue={
              discount === null || discount === undefined ? '' : formatDiscount(discount).replace(/\s?%$/, '')
            }
            className="input-narrow"
          />
        </div>
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${formKey}-opens`}>Retours d’office : à partir de (jours)</label>
          <input
            id={`${formKey}-opens`}
            name="returnOpensAfterDays"
            type="number"
            min={0}
            max={9999}
            required
            defaultValue={supplier?.returnOpensAfterDays ?? 90}
            className="input-narrow"
          />
        </div>
        <div className="field">
          <label htmlFor={`${formKey}-closes`}>jusqu’à (jours)</label>
          <input
            id={`${formKey}-closes`}
            name="returnClosesAfterDays"
            type="number"
            min={0}
            max={9999}
            required
            defaultValue={supplier?.returnClosesAfterDays ?? 365}
            className="input-narrow"
          />
        </div>
      </div>
      <div className="field field-check">
        <input
          id={`${formKey}-authorization`}
          name="returnNeedsAuthorization"
          type="checkbox"
          value="oui"
          defaultChecked={supplier?.returnNeedsAuthorization ?? false}
        />
        <label htmlFor={`${formKey}-authorization`}>Exige un numéro d’accord de retour</label>
      </div>
    </ActionForm>
  );
}
