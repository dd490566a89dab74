import { formatDiscount } from '@/lib/stock/purchase-cost';
import { ActionForm } from '../action-form';
import {
  saveCollectionAction,
  saveContributorAction,
  savePublisherAction,
  saveSupplierAction,
  saveThemeAction,
} from './actions';
import { Field } from '@/components/ui/field';

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
      <Field
        id={`${formKey}-name`}
        label="Nom, tel qu’imprimé"
        layout="field-wide"
        name="name"
        required
        maxLength={150}
        defaultValue={contributor?.name}
      />
      <Field
        id={`${formKey}-sortName`}
        label="Nom pour le classement (Nom, Prénom)"
        layout="field-wide"
        name="sortName"
        required
        maxLength={150}
        defaultValue={contributor?.sortName}
      />
      <Field
        control="textarea"
        id={`${formKey}-biography`}
        label="Biographie"
        name="biography"
        rows={4}
        maxLength={5000}
        defaultValue={contributor?.biography ?? ''}
      />
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
      <Field
        id={`${formKey}-name`}
        label="Nom de l’éditeur"
        layout="field-wide"
        name="name"
        required
        maxLength={150}
        defaultValue={publisher?.name}
      />
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
      <Field
        id={`${formKey}-name`}
        label="Nom de la collection"
        layout="field-wide"
        name="name"
        required
        maxLength={150}
        defaultValue={collection?.name}
      />
      <Field
        control="select"
        id={`${formKey}-publisher`}
        label="Éditeur"
        name="publisherId"
        required
        defaultValue={collection?.publisherId ?? ''}
      >
        <option value="">Choisissez…</option>
        {publishers.map((publisher) => (
          <option key={publisher.id} value={publisher.id}>
            {publisher.name}
          </option>
        ))}
      </Field>
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
      <Field
        id={`${formKey}-name`}
        label="Nom du thème"
        layout="field-wide"
        name="name"
        required
        maxLength={120}
        defaultValue={theme?.name}
      />
      {parents && (
        <Field control="select" id={`${formKey}-parent`} label="Dans le thème" name="parentId" defaultValue="">
          <option value="">(thème principal)</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {`${'— '.repeat(parent.depth - 1)}${parent.name}`}
            </option>
          ))}
        </Field>
      )}
      <Field
        id={`${formKey}-clil`}
        label="Code CLIL"
        name="clilCode"
        maxLength={4}
        inputMode="numeric"
        defaultValue={theme?.clilCode ?? ''}
        className="input-narrow"
      />
      <Field
        id={`${formKey}-thema`}
        label="Code Thema"
        name="themaCode"
        maxLength={16}
        defaultValue={theme?.themaCode ?? ''}
        className="input-narrow"
      />
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
      <Field
        id={`${formKey}-name`}
        label="Nom"
        layout="field-wide"
        name="name"
        required
        maxLength={150}
        defaultValue={supplier?.name}
      />
      <Field
        id={`${formKey}-gln`}
        label="GLN (commandes EDI)"
        name="gln"
        maxLength={13}
        inputMode="numeric"
        defaultValue={supplier?.gln ?? ''}
      />
      <div className="inline-form">
        <Field
          id={`${formKey}-min`}
          label="Délai minimal (jours ouvrés)"
          name="leadTimeMinDays"
          type="number"
          min={0}
          max={9999}
          required
          defaultValue={supplier?.leadTimeMinDays ?? 3}
          className="input-narrow"
        />
        <Field
          id={`${formKey}-max`}
          label="Délai maximal (jours ouvrés)"
          name="leadTimeMaxDays"
          type="number"
          min={0}
          max={9999}
          required
          defaultValue={supplier?.leadTimeMaxDays ?? 6}
          className="input-narrow"
        />
        <Field
          id={`${formKey}-discount`}
          label="Remise habituelle (%)"
          name="defaultDiscount"
          inputMode="decimal"
          maxLength={6}
          defaultValue={
            discount === null || discount === undefined ? '' : formatDiscount(discount).replace(/\s?%$/, '')
          }
          className="input-narrow"
        />
      </div>
      <div className="inline-form">
        <Field
          id={`${formKey}-opens`}
          label="Retours d’office : à partir de (jours)"
          name="returnOpensAfterDays"
          type="number"
          min={0}
          max={9999}
          required
          defaultValue={supplier?.returnOpensAfterDays ?? 90}
          className="input-narrow"
        />
        <Field
          id={`${formKey}-closes`}
          label="jusqu’à (jours)"
          name="returnClosesAfterDays"
          type="number"
          min={0}
          max={9999}
          required
          defaultValue={supplier?.returnClosesAfterDays ?? 365}
          className="input-narrow"
        />
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
