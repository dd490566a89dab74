import Link from 'next/link';
import { formatCopies } from '@/lib/core/copies';
import { formatDateTime } from '@/lib/core/date-time';
import type { BookRequestRow } from '@/lib/data/stock-desk/book-requests';
import { ActionForm } from '../action-form';
import { Field } from '@/components/ui/field';
import { declineBookRequestAction } from './actions';
import { RequestedBook } from './requested-book';

const STATUS_LABELS = { open: 'À traiter', ordered: 'Commandé', declined: 'Refusé' } as const;

function Reader({ request }: { request: BookRequestRow }) {
  return (
    <>
      {request.fullName}
      <br />
      <a href={`mailto:${request.email}`}>{request.email}</a>
      {request.phone && (
        <>
          <br />
          {request.phone}
        </>
      )}
    </>
  );
}

/** The requests waiting for an answer: order the book for the reader, or say why it cannot be had. */
export function OpenBookRequests({ requests }: { requests: BookRequestRow[] }) {
  if (requests.length === 0) return <p>Aucune demande à traiter.</p>;
  return (
    <table className="admin-table">
      <caption>Demandes à traiter, de la plus ancienne à la plus récente</caption>
      <thead>
        <tr>
          <th scope="col">Demande</th>
          <th scope="col">Livre</th>
          <th scope="col">Lecteur</th>
          <th scope="col">Réponse</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id} id={request.reference}>
            <th scope="row">
              {request.reference}
              <br />
              <span className="muted">{formatDateTime(request.createdAt)}</span>
            </th>
            <td>
              <RequestedBook request={request} />
              <br />
              {formatCopies(request.quantity)}
              {request.message && (
                <>
                  <br />
                  <span className="muted">« {request.message} »</span>
                </>
              )}
            </td>
            <td>
              <Reader request={request} />
            </td>
            <td>
              <p>
                <Link
                  href={`/admin/commandes-clients/nouvelle?demande=${request.reference}${request.ean ? `&ean=${request.ean}` : ''}`}
                >
                  Commander pour le lecteur<span className="visually-hidden"> ({request.reference})</span>
                </Link>
              </p>
              <ActionForm
                action={declineBookRequestAction}
                submitLabel="Refuser"
                buttonClassName="button-secondary"
                label={`Refuser la demande ${request.reference}`}
              >
                <input type="hidden" name="reference" value={request.reference} />
                <Field
                  id={`raison-${request.reference}`}
                  name="reason"
                  label="Raison, envoyée au lecteur"
                  required
                  maxLength={500}
                  placeholder="Épuisé chez l’éditeur."
                />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AnsweredBookRequests({ requests }: { requests: BookRequestRow[] }) {
  if (requests.length === 0) return null;
  return (
    <table className="admin-table">
      <caption>Dernières demandes traitées</caption>
      <thead>
        <tr>
          <th scope="col">Demande</th>
          <th scope="col">Livre</th>
          <th scope="col">Lecteur</th>
          <th scope="col">Réponse</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id} id={request.reference}>
            <th scope="row">{request.reference}</th>
            <td>
              <RequestedBook request={request} />
            </td>
            <td>{request.fullName}</td>
            <td>
              {STATUS_LABELS[request.status]}
              {request.order && (
                <>
                  {' : '}
                  <Link href={`/admin/commandes/${request.order.reference}`}>{request.order.reference}</Link>
                </>
              )}
              {request.answer && ` : ${request.answer}`}
              {request.handledAt && (
                <>
                  <br />
                  <span className="muted">
                    {formatDateTime(request.handledAt)}
                    {request.handledBy && `, ${request.handledBy.name}`}
                  </span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
