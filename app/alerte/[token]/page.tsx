import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AlertLinkForms } from '@/components/availability-alerts/alert-link-forms';
import { getAlertByToken } from '@/lib/data/customer-mail/availability-alerts';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

// The link of an availability alert's e-mails: the token is the only key. Opening it changes
// nothing (mail scanners open links): the reader presses "Confirmer" or "Annuler". A forged,
// cancelled or malformed token gives the same 404 as an unknown one.
export const metadata: Metadata = { title: 'Alerte de disponibilité', robots: { index: false, follow: false } };

const STATUS_TEXT = {
  pending: 'Confirmez votre adresse pour être prévenu, par un seul courriel, dès que ce livre sera disponible.',
  confirmed: 'Votre alerte est confirmée : nous vous écrirons une fois, dès que ce livre sera disponible.',
  due: 'Ce livre vient d’évoluer : notre courriel part dans un instant.',
  closed: 'Cette alerte est close : nous vous avons écrit à son sujet.',
} as const;

async function AlertPage({ params }: PageProps<'/alerte/[token]'>) {
  const { token } = await params;
  const alert = await getAlertByToken(token);
  if (!alert) notFound();
  const expired = alert.status === 'pending' && !alert.confirm;
  return (
    <>
      <h1>Alerte de disponibilité</h1>
      <p>
        Livre : <strong>« {alert.book.title} »</strong>
      </p>
      <p>
        {expired
          ? 'Ce lien de confirmation a expiré : demandez une nouvelle alerte sur la fiche du livre.'
          : STATUS_TEXT[alert.status]}
      </p>
      <AlertLinkForms token={token} book={alert.book} confirm={alert.confirm} />
    </>
  );
}

export default whenDatabaseAnswers(AlertPage);
