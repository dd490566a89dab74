import Link from 'next/link';
import type { OutboxEmail } from '@/lib/data/customer-mail/email-outbox';
import { EMAIL_KIND_LABELS } from '@/lib/email/kinds';
import { formatDateTime } from '@/lib/core/date-time';
import { ActionForm } from '../action-form';
import { resendEmailAction } from './actions';

const STATUS_LABELS = { pending: 'en attente', sent: 'envoyé', failed: 'en échec' } as const;

/** Newest first; each e-mail's text can be read in place; a failed one has its "Renvoyer". */
export function OutboxTable({ emails }: { emails: OutboxEmail[] }) {
  if (emails.length === 0) return <p>Aucun courriel.</p>;
  return (
    <table className="admin-table">
      <caption>Courriels aux clients</caption>
      <thead>
        <tr>
          <th scope="col">Créé le</th>
          <th scope="col">Courriel</th>
          <th scope="col">Commande ou demande</th>
          <th scope="col">Destinataire</th>
          <th scope="col">État</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((email) => (
          <tr key={email.id}>
            <td>{formatDateTime(email.createdAt)}</td>
            <td>
              {EMAIL_KIND_LABELS[email.kind]}
              {email.text && (
                <details>
                  <summary>Lire : {email.subject}</summary>
                  <pre className="email-text">{email.text}</pre>
                </details>
              )}
            </td>
            <td>
              {email.order ? (
                <Link href={`/admin/commandes/${email.order.reference}`}>{email.order.reference}</Link>
              ) : email.bookRequest ? (
                <Link href={`/admin/demandes#${email.bookRequest.reference}`}>{email.bookRequest.reference}</Link>
              ) : (
                email.availabilityAlertId !== null && `alerte n° ${email.availabilityAlertId}`
              )}
            </td>
            <td>{email.toAddress}</td>
            <td>
              <span className={`badge badge-email-${email.status}`}>{STATUS_LABELS[email.status]}</span>
              {email.sentAt && (
                <>
                  <br />
                  {formatDateTime(email.sentAt)} ({email.transport === 'smtp' ? 'SMTP' : 'boîte d’envoi'})
                </>
              )}
              {email.status !== 'sent' && email.attempts > 0 && (
                <>
                  <br />
                  {email.attempts} tentative{email.attempts > 1 ? 's' : ''}
                  {email.lastError && ` : ${email.lastError}`}
                </>
              )}
              {email.status === 'failed' && (
                <ActionForm
                  action={resendEmailAction}
                  submitLabel="Renvoyer"
                  label={`Renvoyer le courriel ${email.id}`}
                >
                  <input type="hidden" name="emailId" value={email.id} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
