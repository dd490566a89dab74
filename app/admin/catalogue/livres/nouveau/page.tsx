import type { Metadata } from 'next';
import { BookForm } from '@/components/admin/catalog/book-form';
import { CatalogNav } from '@/components/admin/catalog/catalog-nav';
import { requireStaff } from '@/lib/auth/require-staff';
import { listSupplierOptions } from '@/lib/data/stock-desk/receiving';
import { listThemeOptions } from '@/lib/data/stock-desk/stock-levels';
import { normalizeEanParam } from '@/lib/isbn';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Nouveau livre' };

export default async function NewBookPage({ searchParams }: PageProps<'/admin/catalogue/livres/nouveau'>) {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue/livres/nouveau' });
  const ean = normalizeEanParam(firstValues(await searchParams).ean ?? '') ?? '';
  const [themes, suppliers] = await Promise.all([listThemeOptions(), listSupplierOptions()]);
  return (
    <>
      <h1>Nouveau livre</h1>
      <CatalogNav current="/admin/catalogue/livres/nouveau" isAdmin={staff.role === 'admin'} />
      <BookForm book={null} ean={ean} options={{ themes, suppliers }} />
    </>
  );
}
