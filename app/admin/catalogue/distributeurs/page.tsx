import type { Metadata } from 'next';
import { CatalogNav } from '@/components/admin/catalog/catalog-nav';
import { SupplierForm } from '@/components/admin/catalog/taxonomy-forms';
import { requireStaff } from '@/lib/auth/require-staff';
import { listSuppliersForEditing } from '@/lib/data/catalog/catalog-lists';

export const metadata: Metadata = { title: 'Distributeurs' };

export default async function SuppliersPage() {
  await requireStaff('admin', { loginRedirect: '/admin/catalogue/distributeurs' });
  const suppliers = await listSuppliersForEditing();
  return (
    <>
      <h1>Distributeurs</h1>
      <CatalogNav current="/admin/catalogue/distributeurs" isAdmin />
      <p>Délais, remise habituelle (pré-remplie à la réception), GLN des commandes, fenêtre de retour des offices.</p>
      <details className="create-entry">
        <summary>Nouveau distributeur…</summary>
        <SupplierForm formKey="nouveau" />
      </details>
      <ul className="plain-list entry-list">
        {suppliers.map((supplier) => (
          <li key={supplier.id}>
            <details>
              <summary>
                {supplier.name} <span className="muted">{supplier.gln ? `GLN ${supplier.gln}` : 'GLN inconnu'}</span>
              </summary>
              <SupplierForm formKey={`distributeur-${supplier.id}`} supplier={supplier} />
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
