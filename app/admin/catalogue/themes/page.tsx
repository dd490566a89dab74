import type { Metadata } from 'next';
import { CatalogNav } from '@/components/admin/catalog/catalog-nav';
import { ThemeForm } from '@/components/admin/catalog/taxonomy-forms';
import { requireStaff } from '@/lib/auth/require-staff';
import { listThemesForEditing } from '@/lib/data/catalog/catalog-lists';

export const metadata: Metadata = { title: 'Thèmes' };

export default async function ThemesPage() {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue/themes' });
  const themes = await listThemesForEditing();
  return (
    <>
      <h1>Thèmes</h1>
      <CatalogNav current="/admin/catalogue/themes" isAdmin={staff.role === 'admin'} />
      <p>
        Le nom et les codes CLIL et Thema d’un thème se modifient ; sa place dans l’arbre (et son adresse) est fixée à
        sa création.
      </p>
      <details className="create-entry">
        <summary>Nouveau thème…</summary>
        <ThemeForm formKey="nouveau" parents={themes} />
      </details>
      <ul className="plain-list entry-list">
        {themes.map((theme) => (
          <li key={theme.id} className={`depth-${Math.min(theme.depth, 4)}`}>
            <details>
              <summary>
                {theme.name} <span className="muted">({theme.path})</span>
              </summary>
              <ThemeForm formKey={`theme-${theme.id}`} theme={theme} />
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
