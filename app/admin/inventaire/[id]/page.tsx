import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { cancelCountAction, validateCountAction } from '@/components/admin/inventory/actions';
import { CountScanner } from '@/components/admin/inventory/count-scanner';
import { UploadForm } from '@/components/admin/upload-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getInventory, STOCK_COUNT_SCOPE_LABELS } from '@/lib/data/stock-desk/inventory';
import { formatDateTime } from '@/lib/core/date-time';
import { BookRowHeader } from '@/components/admin/book-row-header';

export const metadata: Metadata = { title: 'Inventaire' };

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export default async function CountPage({ params }: PageProps<'/admin/inventaire/[id]'>) {
  const { id } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/inventaire/${encodeURIComponent(id)}` });
  const count = /^\d{1,9}$/.test(id) ? await getInventory(Number(id)) : null;
  if (!count) notFound();
  const open = count.status === 'open';
  const differences = count.lines.filter((line) => line.difference !== 0);
  return (
    <>
      <p>
        <Link href="/admin/inventaire">← Inventaires</Link>
      </p>
      <h1>{count.label}</h1>
      <dl className="facts">
        <dt>Étendue</dt>
        <dd>{STOCK_COUNT_SCOPE_LABELS[count.scope]}</dd>
        <dt>Commencé</dt>
        <dd>
          {formatDateTime(count.startedAt)} par {count.startedBy.name}
        </dd>
        <dt>Statut</dt>
        <dd>
          {open
            ? 'en cours'
            : `${count.status === 'validated' ? 'validé' : 'abandonné'} le ${count.closedAt ? formatDateTime(count.closedAt) : ''}${count.closedBy ? ` par ${count.closedBy.name}` : ''}`}
        </dd>
        <dt>Comptés</dt>
        <dd>
          {count.countedBooks} livre{count.countedBooks > 1 ? 's' : ''}, {count.countedCopies} exemplaire
          {count.countedCopies > 1 ? 's' : ''}
        </dd>
      </dl>
      {open && (
        <>
          <h2>Compter</h2>
          <p className="field-hint">
            Comptez les exemplaires en rayon, pas ceux mis de côté pour des commandes clients (déjà vendus).
          </p>
          <CountScanner inventoryId={count.id} />
          <UploadForm
            url={`/admin/inventaire/${count.id}/fichier`}
            field="fichier"
            label="Fichier d’un terminal d’inventaire (CSV)"
            accept=".csv,.txt,text/csv,text/plain"
            hint="Une ligne par livre : EAN;quantité (une ligne d’en-tête est acceptée). Ses quantités s’ajoutent au comptage ; une seule ligne fausse et rien n’est importé."
            submitLabel="Importer le fichier"
          />
        </>
      )}
      {count.status === 'validated' ? (
        <AdjustmentsTable adjustments={count.adjustments} />
      ) : (
        <>
          <h2>Écarts avec le stock théorique</h2>
          {count.scope === 'whole_shop' && count.uncountedInStock.books > 0 && (
            <p className="attention" role="note">
              {count.uncountedInStock.books} livre{count.uncountedInStock.books > 1 ? 's' : ''} en stock (
              {count.uncountedInStock.copies} exemplaires) n’
              {count.uncountedInStock.books > 1 ? 'ont' : 'a'} pas été compté
              {count.uncountedInStock.books > 1 ? 's' : ''} : un inventaire complet les passera à 0.
            </p>
          )}
          <p>
            {differences.length} écart{differences.length > 1 ? 's' : ''} sur {count.lines.length} livre
            {count.lines.length > 1 ? 's' : ''} comptés (stock théorique : le journal des mouvements, à cet instant).
          </p>
          {count.lines.length > 0 && (
            <table className="admin-table">
              <caption>Livres comptés</caption>
              <thead>
                <tr>
                  <th scope="col">Livre</th>
                  <th scope="col">Compté</th>
                  <th scope="col">Théorique</th>
                  <th scope="col">Écart</th>
                </tr>
              </thead>
              <tbody>
                {count.lines.map((line) => (
                  <tr key={line.bookId}>
                    <BookRowHeader ean={line.ean} title={line.title} />
                    <td>{line.counted}</td>
                    <td>
                      {line.onHand}
                      {line.held > 0 && <span className="muted"> (dont {line.held} réservés)</span>}
                    </td>
                    <td className={line.difference > 0 ? 'quantity-in' : line.difference < 0 ? 'quantity-out' : ''}>
                      {signed(line.difference)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {open && (
        <div className="step-forms">
          <ActionForm
            action={validateCountAction}
            submitLabel="Valider l’inventaire"
            label="Validation de l’inventaire"
          >
            <input type="hidden" name="inventoryId" value={count.id} />
            <div className="field field-check">
              <input id="confirm-count" name="confirm" type="checkbox" value="oui" required />
              <label htmlFor="confirm-count">Je confirme : chaque écart devient un ajustement « inventaire »</label>
            </div>
          </ActionForm>
          <details className="cancel-order">
            <summary>Abandonner cet inventaire…</summary>
            <ActionForm
              action={cancelCountAction}
              submitLabel="Abandonner"
              buttonClassName="button-danger"
              label="Abandon de l’inventaire"
            >
              <input type="hidden" name="inventoryId" value={count.id} />
              <p>Aucun stock ne change ; les comptages restent consultables.</p>
            </ActionForm>
          </details>
        </div>
      )}
    </>
  );
}

function AdjustmentsTable({
  adjustments,
}: {
  adjustments: { quantity: number; note: string | null; book: { ean: string; title: string } }[];
}) {
  return (
    <>
      <h2>Ajustements enregistrés</h2>
      {adjustments.length === 0 ? (
        <p>Aucun écart : le stock était juste.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Ajustements de l’inventaire</caption>
          <thead>
            <tr>
              <th scope="col">Livre</th>
              <th scope="col">Ajustement</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {adjustments.map((movement, index) => (
              <tr key={index}>
                <th scope="row">
                  <Link href={`/admin/stock/${movement.book.ean}`}>{movement.book.title}</Link>
                </th>
                <td className={movement.quantity > 0 ? 'quantity-in' : 'quantity-out'}>{signed(movement.quantity)}</td>
                <td>{movement.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
