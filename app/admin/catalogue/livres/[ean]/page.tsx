import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookForm } from '@/components/admin/catalog/book-form';
import { CatalogNav } from '@/components/admin/catalog/catalog-nav';
import { PickEditor } from '@/components/admin/picks/pick-editor';
import { UploadForm } from '@/components/admin/upload-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { AVAILABILITY_STATE_LABELS } from '@/lib/availability/availability-state';
import { MAX_COVER_BYTES } from '@/lib/catalog/cover-upload';
import { getBookForEditing } from '@/lib/data/catalog/book-editing';
import { getPickForEditing } from '@/lib/data/catalog/book-picks';
import { listSupplierOptions } from '@/lib/data/stock-desk/receiving';
import { listThemeOptions } from '@/lib/data/stock-desk/stock-levels';
import { normalizeEanParam } from '@/lib/isbn';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Fiche du livre' };

export default async function EditBookPage({ params, searchParams }: PageProps<'/admin/catalogue/livres/[ean]'>) {
  const { ean: raw } = await params;
  const staff = await requireStaff('libraire', { loginRedirect: `/admin/catalogue/livres/${encodeURIComponent(raw)}` });
  const ean = normalizeEanParam(raw);
  const [book, pick, themes, suppliers] = await Promise.all([
    ean ? getBookForEditing(ean) : null,
    ean ? getPickForEditing(ean) : null,
    listThemeOptions(),
    listSupplierOptions(),
  ]);
  if (!book) notFound();
  const created = firstValues(await searchParams).cree === '1';
  return (
    <>
      <h1>{book.title}</h1>
      <CatalogNav current="" isAdmin={staff.role === 'admin'} />
      {created && (
        <p className="form-success" role="status">
          Livre créé : il est en vente sur la librairie.
        </p>
      )}
      <p>
        EAN {book.ean} — pour les lecteurs : {AVAILABILITY_STATE_LABELS[book.availability]}
        {book.delistedAt && ' (retiré par les distributeurs)'} ·{' '}
        <Link href={`/livre/${book.ean}`}>Voir la page du lecteur</Link> ·{' '}
        <Link href={`/admin/stock/${book.ean}`}>Stock</Link>
      </p>
      <section aria-labelledby="couverture" className="cover-editor">
        <h2 id="couverture">Couverture</h2>
        {book.coverPath ? (
          // eslint-disable-next-line @next/next/no-img-element -- covers are files the shop stored itself
          <img src={book.coverPath} alt={`Couverture actuelle de « ${book.title} »`} className="cover-preview" />
        ) : (
          <p>Pas encore de couverture.</p>
        )}
        <UploadForm
          url={`/admin/catalogue/livres/${book.ean}/couverture`}
          field="couverture"
          label="Nouvelle couverture (JPEG, PNG ou WebP)"
          accept="image/jpeg,image/png,image/webp"
          hint={`${MAX_COVER_BYTES / 1024 / 1024} Mo au plus ; l’image est redimensionnée pour la librairie.`}
          submitLabel="Envoyer la couverture"
        />
      </section>
      <PickEditor ean={book.ean} pick={pick} defaultName={staff.name.split(' ')[0] ?? staff.name} />
      <h2>Fiche</h2>
      <BookForm book={book} ean={book.ean} options={{ themes, suppliers }} />
    </>
  );
}
