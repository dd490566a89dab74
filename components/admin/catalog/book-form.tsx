import {
  CONTRIBUTOR_ROLES,
  LANGUAGES,
  PRODUCT_FORMS,
  SUPPLIER_AVAILABILITY_CODES,
  VAT_RATES,
} from '@/lib/catalog/editing-codes';
import type { BookForEditing } from '@/lib/data/catalog/book-editing';
import { MAX_BOOK_CONTRIBUTORS } from '@/lib/validation/catalog-editing';
import { ActionForm } from '../action-form';
import { createBookAction, updateBookAction } from './actions';
import { Field } from '@/components/ui/field';

type Options = {
  themes: { id: number; name: string; depth: number }[];
  suppliers: { id: number; name: string }[];
};

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : '');
const euros = (cents: number | undefined) =>
  cents === undefined ? '' : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/**
 * A book's record, as the storefront shows it. Publisher, collection and people are typed by
 * name (a catalog of a million books has too many for a list): they must exist in the catalog.
 */
export function BookForm({ book, ean, options }: { book: BookForEditing | null; ean: string; options: Options }) {
  const contributors = book?.contributors ?? [];
  const rows = Math.min(Math.max(contributors.length + 2, 3), MAX_BOOK_CONTRIBUTORS);
  return (
    <ActionForm
      action={book ? updateBookAction : createBookAction}
      submitLabel={book ? 'Enregistrer le livre' : 'Créer le livre'}
      className="admin-form book-form"
      label={book ? 'Fiche du livre' : 'Nouveau livre'}
    >
      {book ? (
        <>
          <input type="hidden" name="ean" value={book.ean} />
          <input type="hidden" name="fingerprint" value={book.fingerprint} />
        </>
      ) : (
        <Field
          label="EAN (ISBN-13)"
          name="ean"
          required
          maxLength={64}
          inputMode="numeric"
          defaultValue={ean}
          autoComplete="off"
        />
      )}
      <Field label="Titre" layout="field-wide" name="title" required maxLength={300} defaultValue={book?.title} />
      <Field
        label="Sous-titre"
        layout="field-wide"
        name="subtitle"
        maxLength={300}
        defaultValue={book?.subtitle ?? ''}
      />
      <fieldset>
        <legend>Auteurs et contributeurs</legend>
        <p className="field-hint">Le nom tel qu’il figure dans Catalogue › Auteurs.</p>
        {Array.from({ length: rows }, (_, index) => (
          <div className="inline-form" key={index}>
            <Field
              label={<>Contributeur {index + 1}</>}
              layout="field-wide"
              name={`contributor-${index}`}
              maxLength={150}
              defaultValue={contributors[index]?.contributor.name ?? ''}
              autoComplete="off"
            />
            <Field
              control="select"
              label={<>Rôle du contributeur {index + 1}</>}
              name={`role-${index}`}
              defaultValue={contributors[index]?.role ?? 'A01'}
            >
              {Object.entries(CONTRIBUTOR_ROLES).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </Field>
          </div>
        ))}
      </fieldset>
      <Field
        label="Éditeur"
        layout="field-wide"
        name="publisherName"
        required
        maxLength={150}
        defaultValue={book?.publisher.name}
        autoComplete="off"
      />
      <div className="inline-form">
        <Field
          label="Collection (facultative)"
          layout="field-wide"
          name="collectionName"
          maxLength={150}
          defaultValue={book?.collection?.name ?? ''}
          autoComplete="off"
        />
        <Field
          label="N° dans la collection"
          name="collectionNumber"
          maxLength={20}
          defaultValue={book?.collectionNumber ?? ''}
        />
      </div>
      <Field
        control="textarea"
        label="Quatrième de couverture"
        name="description"
        rows={8}
        maxLength={10000}
        defaultValue={book?.description ?? ''}
      />
      <div className="inline-form">
        <Field
          label="Prix public TTC (€)"
          name="publisherPriceCents"
          required
          inputMode="decimal"
          maxLength={12}
          defaultValue={euros(book?.publisherPriceCents)}
        />
        <Field
          control="select"
          label="TVA"
          name="vatRateBasisPoints"
          defaultValue={String(book?.vatRateBasisPoints ?? 550)}
        >
          {Object.entries(VAT_RATES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Field>
      </div>
      <div className="inline-form">
        <Field label="Parution" name="publishedOn" type="date" defaultValue={day(book?.publishedOn)} />
        <Field
          label="Pages"
          name="pageCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={99999}
          defaultValue={book?.pageCount ?? ''}
        />
        <Field control="select" label="Forme" name="productForm" defaultValue={book?.productForm ?? 'BC'}>
          {Object.entries(PRODUCT_FORMS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Field>
        <Field control="select" label="Langue" name="languageCode" defaultValue={book?.languageCode ?? 'fre'}>
          {Object.entries(LANGUAGES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Field>
      </div>
      <div className="inline-form">
        <Field label="Genre" name="workType" required maxLength={60} defaultValue={book?.workType ?? 'Essai'} />
        <Field control="select" label="Thème" name="themeId" required defaultValue={book?.themeId ?? ''}>
          <option value="">Choisissez…</option>
          {options.themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {`${'— '.repeat(theme.depth - 1)}${theme.name}`}
            </option>
          ))}
        </Field>
      </div>
      <fieldset>
        <legend>Distributeur</legend>
        <div className="inline-form">
          <Field control="select" label="Distributeur" name="supplierId" defaultValue={book?.supplierId ?? ''}>
            <option value="">Aucun</option>
            {options.suppliers.map((supplier) => (
              <option key={supplier.id} value={supplier.id}>
                {supplier.name}
              </option>
            ))}
          </Field>
          <Field
            control="select"
            label="Disponibilité chez lui (ONIX, liste 65)"
            name="supplierAvailabilityCode"
            defaultValue={book?.supplierAvailabilityCode ?? '20'}
          >
            {Object.entries(SUPPLIER_AVAILABILITY_CODES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Field>
          <Field
            label="Disponible le (à paraître, réimpression)"
            name="expectedOn"
            type="date"
            defaultValue={day(book?.supplyExpectedOn)}
          />
        </div>
        {book && book.supplies.length > 1 && (
          <p className="field-hint">
            Fournitures connues :{' '}
            {book.supplies.map((supply) => `${supply.supplier.name} (${supply.availabilityCode})`).join(', ')}. La
            librairie affiche la meilleure.
          </p>
        )}
      </fieldset>
      <div className="field field-check">
        <input id="featured" name="featured" type="checkbox" value="oui" defaultChecked={book?.featured ?? false} />
        <label htmlFor="featured">Mis en avant sur l’accueil</label>
      </div>
      <div className="field field-check">
        <input
          id="schoolbook"
          name="schoolbook"
          type="checkbox"
          value="oui"
          defaultChecked={book?.schoolbook ?? false}
          aria-describedby="schoolbook-aide"
        />
        <label htmlFor="schoolbook">Livre scolaire</label>
        <p id="schoolbook-aide" className="field-hint">
          Manuel ou cahier d’exercices de l’enseignement primaire ou secondaire, d’une classe préparatoire ou d’un BTS
          (décret n° 85-862) : prix libre pour l’État, une collectivité ou un établissement d’enseignement.
        </p>
      </div>
    </ActionForm>
  );
}
