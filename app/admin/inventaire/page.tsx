import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { startCountAction } from '@/components/admin/inventory/actions';
import { requireStaff } from '@/lib/auth/require-staff';
import { listInventories, STOCK_COUNT_SCOPE_LABELS } from '@/lib/data/stock-desk/inventory';
import { formatDateTime } from '@/lib/core/date-time';
import { Field } from '@/components/ui/field';

export const metadata: Metadata = { title: 'Inventaire' };

const STATUS = { open: 'en cours', validated: 'validé', cancelled: 'abandonné' } as const;

export default async function CountsPage() {
  await requireStaff('libraire', { loginRedirect: '/admin/inventaire' });
  const counts = await listInventories();
  return (
    <>
      <h1>Inventaire</h1>
      <section aria-labelledby="commencer">
        <h2 id="commencer">Commencer un inventaire</h2>
        <ActionForm
          action={startCountAction}
          submitLabel="Commencer l’inventaire"
          className="admin-form"
          label="Nouvel inventaire"
        >
          <Field
            label="Nom"
            layout="field-wide"
            name="label"
            required
            maxLength={120}
            placeholder="Rayon droit public, décembre"
          />
          <fieldset>
            <legend>Étendue</legend>
            {(['counted_books', 'whole_shop'] as const).map((scope) => (
              <div className="field field-check" key={scope}>
                <input
                  id={`scope-${scope}`}
                  type="radio"
                  name="scope"
                  value={scope}
                  defaultChecked={scope === 'counted_books'}
                />
                <label htmlFor={`scope-${scope}`}>{STOCK_COUNT_SCOPE_LABELS[scope]}</label>
              </div>
            ))}
          </fieldset>
        </ActionForm>
      </section>
      <h2>Inventaires</h2>
      {counts.length === 0 ? (
        <p className="notice">Aucun inventaire.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Inventaires</caption>
          <thead>
            <tr>
              <th scope="col">Inventaire</th>
              <th scope="col">Statut</th>
              <th scope="col">Commencé</th>
              <th scope="col">Livres comptés</th>
              <th scope="col">Clos le</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((count) => (
              <tr key={count.id}>
                <th scope="row">
                  <Link href={`/admin/inventaire/${count.id}`}>{count.label}</Link>
                </th>
                <td>{STATUS[count.status]}</td>
                <td>
                  {formatDateTime(count.startedAt)} par {count.startedBy.name}
                </td>
                <td>{count._count.lines}</td>
                <td>{count.closedAt ? formatDateTime(count.closedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
