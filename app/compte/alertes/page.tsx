import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountNav } from '@/components/account/account-nav';
import { cancelReaderAlertAction } from '@/components/account/alert-actions';
import { requireReader } from '@/lib/auth/require-reader';
import { formatDateShort } from '@/lib/core/date';
import { listReaderAlerts, type ReaderAlert } from '@/lib/data/readers/reader-alerts';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes alertes', robots: { index: false } };

const NOTICES: Record<string, { text: string; error?: boolean }> = {
  annulee: { text: 'Alerte annulée.' },
  erreur: { text: 'Cette alerte n’existe plus.', error: true },
};

const STATUS_LABELS: Record<ReaderAlert['status'], string> = {
  pending: 'à confirmer par le lien du courriel',
  confirmed: 'en attente',
  due: 'disponible : le courriel part',
  closed: 'terminée',
};

async function AlertsPage({ searchParams }: PageProps<'/compte/alertes'>) {
  const reader = await requireReader();
  const params = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => params[key] !== undefined);
  const alerts = await listReaderAlerts(reader);
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Mes alertes de disponibilité</h2>
      {notice && (
        <p
          className={NOTICES[notice]!.error ? 'form-error' : 'notice'}
          role={NOTICES[notice]!.error ? 'alert' : 'status'}
        >
          {NOTICES[notice]!.text}
        </p>
      )}
      <p>
        Les livres pour lesquels vous avez demandé « M’avertir de sa disponibilité » : nous écrivons une fois, dès que
        le livre est en stock, puis l’alerte s’arrête.
      </p>
      {alerts.length === 0 ? (
        <p>Aucune alerte en cours.</p>
      ) : (
        <ul className="account-alerts">
          {alerts.map((alert) => (
            <li key={alert.id}>
              <Link href={`/livre/${alert.book.ean}`}>{alert.book.title}</Link> — {STATUS_LABELS[alert.status]},
              demandée le {formatDateShort(alert.createdAt)}
              <form action={cancelReaderAlertAction}>
                <input type="hidden" name="id" value={alert.id} />
                <button type="submit" aria-label={`Annuler l’alerte : « ${alert.book.title} »`}>
                  Annuler l’alerte
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default whenDatabaseAnswers(AlertsPage);
