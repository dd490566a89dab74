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
        <div className="field">
          <label htmlFor="ean">EAN (ISBN-13)</label>
          <input
            id="ean"
            name="ean"
            required
            maxLength={64}
            inputMode="numeric"
            defaultValue={ean}
            autoComplete="off"
          />
        </div>
      )}
      <div className="field field-wide">
        <label htmlFor="title">Titre</label>
        <input id="title" name="title" required maxLength={300} defaultValue={book?.title} />
      </div>
      <div className="field field-wide">
        <label htmlFor="subtitle">Sous-titre</label>
        <input id="subtitle" name="subtitle" maxLength={300} defaultValue={book?.subtitle ?? ''} />
      </div>
      <fieldset>
        <legend>Auteurs et contributeurs</legend>
        <p className="field-hint">Le nom tel qu’il figure dans Catalogue › Auteurs.</p>
        {Array.from({ length: rows }, (_, index) => (
          <div className="inline-form" key={index}>
            <div className="field field-wide">
              <label htmlFor={`contributor-${index}`}>Contributeur {index + 1}</label>
              <input
                id={`contributor-${index}`}
                name={`contributor-${index}`}
                maxLength={150}
                defaultValue={contributors[index]?.contributor.name ?? ''}
                autoComplete="off"
              />
            </div>
            <div className="field">
              <label htmlFor={`role-${index}`}>Rôle du contributeur {index + 1}</label>
              <select id={`role-${index}`} name={`role-${index}`} defaultValue={contributors[index]?.role ?? 'A01'}>
                {Object.entries(CONTRIBUTOR_ROLES).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="field field-wide">
        <label htmlFor="publisherName">Éditeur</label>
        <input
          id="publisherName"
          name="publisherName"
          required
          maxLength={150}
          defaultValue={book?.publisher.name}
          autoComplete="off"
        />
      </div>
      <div className="inline-form">
        <div className="field field-wide">
          <label htmlFor="collectionName">Collection (facultative)</label>
          <input
            id="collectionName"
            name="collectionName"
            maxLength={150}
            defaultValue={book?.collection?.name ?? ''}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="collectionNumber">N° dans la collection</label>
          <input
            id="collectionNumber"
            name="collectionNumber"
            maxLength={20}
            defaultValue={book?.collectionNumber ?? ''}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="description">Quatrième de couverture</label>
        <textarea
          id="description"
          name="description"
          rows={8}
          maxLength={10000}
          defaultValue={book?.description ?? ''}
        />
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="publisherPriceCents">Prix public TTC (€)</label>
          <input
            id="publisherPriceCents"
            name="publisherPriceCents"
            required
            inputMode="decimal"
            maxLength={12}
            defaultValue={euros(book?.publisherPriceCents)}
          />
        </div>
        <div className="field">
          <label htmlFor="vatRateBasisPoints">TVA</label>
          <select
            id="vatRateBasisPoints"
            name="vatRateBasisPoints"
            defaultValue={String(book?.vatRateBasisPoints ?? 550)}
          >
            {Object.entries(VAT_RATES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="publishedOn">Parution</label>
          <input id="publishedOn" name="publishedOn" type="date" defaultValue={day(book?.publishedOn)} />
        </div>
        <div className="field">
          <label htmlFor="pageCount">Pages</label>
          <input
            id="pageCount"
            name="pageCount"
            type="number"
            inputMode="numeric"
            min={1}
            max={99999}
            defaultValue={book?.pageCount ?? ''}
          />
        </div>
        <div className="field">
          <label htmlFor="productForm">Forme</label>
          <select id="productForm" name="productForm" defaultValue={book?.productForm ?? 'BC'}>
            {Object.entries(PRODUCT_FORMS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="languageCode">Langue</label>
          <select id="languageCode" name="languageCode" defaultValue={book?.languageCode ?? 'fre'}>
            {Object.entries(LANGUAGES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="workType">Genre</label>
          <input id="workType" name="workType" required maxLength={60} defaultValue={book?.workType ?? 'Essai'} />
        </div>
        <div className="field">
          <label htmlFor="themeId">Thème</label>
          <select id="themeId" name="themeId" required defaultValue={book?.themeId ?? ''}>
            <option value="">Choisissez…</option>
            {options.themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {`${'— '.repeat(theme.depth - 1)}${theme.name}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>Distributeur</legend>
        <div className="inline-form">
          <div className="field">
            <label htmlFor="supplierId">Distributeur</label>
            <select id="supplierId" name="supplierId" defaultValue={book?.supplierId ?? ''}>
              <option value="">Aucun</option>
              {options.suppliers.map((supplier) => (
                <option key={supplier.id} value={supplier.id}>
                  {supplier.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="supplierAvailabilityCode">Disponibilité chez lui (ONIX, liste 65)</label>
            <select
              id="supplierAvailabilityCode"
              name="supplierAvailabilityCode"
              defaultValue={book?.supplierAvailabilityCode ?? '20'}
            >
              {Object.entries(SUPPLIER_AVAILABILITY_CODES).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="expectedOn">Disponible le (à paraître, réimpression)</label>
            <input id="expectedOn" name="expectedOn" type="date" defaultValue={day(book?.supplyExpectedOn)} />
          </div>
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
    </ActionForm>
  );
}
