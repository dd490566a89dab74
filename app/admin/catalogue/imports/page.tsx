import type { Metadata } from 'next';
import { CatalogNav } from '@/components/admin/catalog/catalog-nav';
import { requireStaff } from '@/lib/auth/require-staff';
import { listOnixImports } from '@/lib/data/catalog/onix-inbox';
import { formatDateTime } from '@/lib/core/date-time';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'Imports ONIX' };

const STATUS_LABELS = { running: 'En cours', finished: 'Terminé', failed: 'Échoué' } as const;

// The distributors' ONIX files as they were imported (the inbox, npm run import:onix): counts,
// the reason of a failed file, the first refused records with their line and reason.
export default async function OnixImportsPage() {
  const staff = await requireStaff('libraire', { loginRedirect: '/admin/catalogue/imports' });
  const imports = await listOnixImports();
  const inbox = getEnv().ONIX_INBOX_DIR;
  return (
    <>
      <h1>Imports ONIX</h1>
      <CatalogNav current="/admin/catalogue/imports" isAdmin={staff.role === 'admin'} />
      <p>
        {inbox
          ? `Un fichier déposé dans ${inbox} est importé dans la minute, une seule fois ; il passe ensuite dans importes/, deja-importes/ ou refuses/.`
          : 'Aucune boîte de dépôt ONIX n’est réglée (ONIX_INBOX_DIR) : importez avec npm run import:onix.'}
      </p>
      {imports.length === 0 ? (
        <p>Aucun import pour l’instant.</p>
      ) : (
        <table className="admin-table">
          <caption>Derniers imports, du plus récent au plus ancien</caption>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Début</th>
              <th scope="col">État</th>
              <th scope="col">Produits</th>
              <th scope="col">Créés / mis à jour / supprimés / inchangés</th>
              <th scope="col">Refusés</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  {run.fileName}
                  {run.sender && (
                    <>
                      <br />
                      <span className="muted">{run.sender}</span>
                    </>
                  )}
                </th>
                <td>{formatDateTime(run.startedAt)}</td>
                <td>
                  {STATUS_LABELS[run.status]}
                  {run.failure && (
                    <>
                      <br />
                      {run.failure}
                    </>
                  )}
                </td>
                <td>{run.products}</td>
                <td>
                  {run.created} / {run.updated} / {run.deleted} / {run.unchanged}
                </td>
                <td>
                  {run.rejected}
                  {run.rejections.length > 0 && (
                    <details>
                      <summary>Voir les refus</summary>
                      <ul>
                        {run.rejections.map((rejection) => (
                          <li key={rejection.line}>
                            ligne {rejection.line}
                            {rejection.ean && ` (EAN ${rejection.ean})`} : {rejection.reason}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
