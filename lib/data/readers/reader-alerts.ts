import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import { takesAlert } from '@/lib/alerts/availability-alert';
import { consumeLimit } from '@/lib/data/platform/rate-limits';
import { createConfirmedAlert } from '@/lib/data/customer-mail/availability-alerts';
import type { AvailabilityAlertStatus } from '@/lib/generated/prisma/enums';

// A signed-in reader's availability alerts (/compte/alertes): asked from a book page with the
// account's own address, they need no confirmation e-mail (the address is verified: the reader
// signed in by a link sent to it). Listed with those asked by e-mail from the same address, and
// cancelled from the account. docs/decisions/022-availability-alerts.md.

export type ReaderAlert = {
  id: number;
  status: AvailabilityAlertStatus;
  createdAt: Date;
  book: { ean: string; title: string; availability: string };
};

const openStatuses: AvailabilityAlertStatus[] = ['pending', 'confirmed', 'due'];

const ofReader = (reader: { id: number; email: string }) => ({
  status: { in: openStatuses },
  OR: [{ readerId: reader.id }, { email: reader.email }],
});

export async function listReaderAlerts(reader: { id: number; email: string }): Promise<ReaderAlert[]> {
  return getDb().availabilityAlert.findMany({
    where: ofReader(reader),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      status: true,
      createdAt: true,
      book: { select: { ean: true, title: true, availability: true } },
    },
  });
}

/** "M'avertir de sa disponibilité" with the account's address: confirmed at once. */
export async function requestReaderAlert(
  reader: { id: number; email: string },
  ean: string,
  clientAddress: string,
): Promise<Result<{ message: string }>> {
  const limited = await consumeLimit('availabilityAlertPerClient', clientAddress);
  if (limited) return limited;
  const book = await getDb().book.findFirst({
    where: { ean, delistedAt: null },
    select: { id: true, availability: true },
  });
  if (!book) return failure('UNKNOWN_BOOK', 'Livre inconnu : rechargez la page.');
  if (!takesAlert(book.availability))
    return failure('NOT_ALERTABLE', 'Ce livre n’attend plus de réapprovisionnement : rechargez sa fiche.');
  const created = await createConfirmedAlert(book.id, reader.email, reader.id);
  if (!created.ok) return created;
  return {
    ok: true,
    message: `Votre alerte est enregistrée : nous écrirons une fois à ${reader.email} dès que le livre sera disponible. Vos alertes sont dans « Mon compte ».`,
  };
}

/** "Annuler" in the account: only an alert of this reader or of their address (another's id finds nothing). */
export async function cancelReaderAlert(
  reader: { id: number; email: string },
  alertId: number,
): Promise<Result<object>> {
  const deleted = await getDb().availabilityAlert.deleteMany({ where: { id: alertId, ...ofReader(reader) } });
  return deleted.count === 0 ? failure('UNKNOWN_ALERT', 'Cette alerte n’existe plus.') : { ok: true };
}
